// Training text for en, written by the Thiqa team for this purpose (see README.md beside this file).
// One message per line; the lexicon holds frequent words, space-separated, so that one- and two-word messages have evidence.

extension TrainingCorpus {
    static let englishMessages = #"""
Hello, I would like to get a copy of my birth certificate.
hi, what papers do I need for the national ID card
What are the opening hours of the civil registry office?
I'd like to book an appointment to submit my file.
Can I pay online?
Please answer me as soon as possible.
I have a problem with my water and electricity bill.
My application was rejected without any explanation, what should I do?
I am looking for the scholarship application form.
Where is the nearest administrative office to my house?
How do I get a building permit?
I did not receive my pension this month.
Could you send me the list of supporting documents?
my file is incomplete but nobody told me what is missing
Good morning, I am looking for a job and would like to register with the employment agency.
Do I have to come in person to sign?
I would like to know if my passport is ready.
How much is the tax stamp for the passport?
I moved to Casablanca, how can I change my address?
The payment was taken twice from my account.
this is the third time I come and the office is closed
Thank you so much for your help.
I want to file a complaint about an officer.
My identity card expires next month.
Do I need an appointment or can I just walk in?
Where can I get my diploma translated?
I am a student and I need a certificate of enrolment.
hey how can I track my request
The announced deadline passed a long time ago.
I don't have internet access, can I do it at the counter?
What is the exact address of the court of first instance?
I need to renew my driving licence, what should I bring?
The person on the phone hung up on me.
Can you confirm that my registration has been recorded?
My child was born abroad, how do I declare the birth at the consulate?
can we get a signature certified without the original ID
Is a certified true copy accepted?
I want to register on the electoral roll.
They asked me for a proof of income, where can I get it?
My employer does not declare me to social security.
I would like to know how much the housing tax is.
A page is missing from my family record book.
Good evening, could you tell me the steps to follow?
The ministry website has not been working since this morning.
I forgot my username and my password.
I would like to cancel my appointment tomorrow.
Are scanned documents enough?
The queue was too long so I left without anything.
How much does a duplicate vehicle registration cost?
I need a life certificate for my pension.
Where do I pay the parking fine?
My name is misspelled on my diploma.
Thank you in advance for your understanding.
Please find attached a copy of my ID card.
I am disabled, is there a priority counter?
My mother lost her family record book.
What time does the prefecture close?
How many passport photos are needed?
Do I have to certify the copy?
I never got the verification code by text message.
Who can sign for me if I am sick?
I live in the UK and want to give power of attorney to my sister.
Is it free or do I have to pay?
I can't find the link to download the form.
How many days does the property certificate take?
I want to dispute a fine I received by mistake.
hi, i have an issue with my exam registration
My father's medical file was lost at the hospital.
I would like to apply for social housing support.
Can the document be sent by post?
We are an association and want a grant from the municipality.
I would like to meet the mayor.
Why was my card blocked?
I can't print the receipt.
Your service is really great, well done.
I am very unhappy with how I was treated at counter three.
Does the document have to be translated into Arabic?
I need an extract from the trade register.
How do I report my grandfather's death?
I am writing to report a water cut in our neighbourhood.
The street lights in our street have been off for a month.
Can foreigners do this procedure too?
I want to enrol my daughter in the public nursery.
What is the customer service phone number?
When will the results be published?
I have to provide a recent proof of address.
My bill is way too high this month.
Is the office open during the holidays?
I would like to apply for a connection to the network.
hey whats the paperwork for a passport pls
sorry i didnt understand the answer
ok thanks a lot
alright, I'll come tomorrow morning
yes of course
no that's not it
I don't know what to do
can you help me
help me please
where exactly?
what time?
which office?
still no answer
it doesn't work
the link is broken
duplicate request
book an appointment
proof of residence
police clearance
full copy
job application
salary certificate
online form
file number
civil status
tax office
driver's license
death certificate
criminal record
identity document
I'm here for the renewal
that's fine thanks
not yet
do I need to take a ticket?
I'm lost
how long will it take?
is it closed today?
I've been waiting for an hour
do you accept cheques?
I don't have an appointment
which document do I need?
I'm missing a paper
it's for my mother
I'll come back tomorrow
which floor?
counter number five
thanks for everything
have a nice day
I can't find the entrance
do I have to pay?
"""#

    static let englishLexicon = #"""
the a an of and is to in for on with without at by from about into over under between
i you he she we they it me him her us them my your his its our their mine yours this that these those
who what which where when why how how much how many whose
not no never nothing nobody very too much many also still already always often just only
be am are was were been have has had do does did will would can could should must may might shall
get got go went come came make made take took give gave need want know see find send bring pay apply
hello hi hey thanks thank please sorry yes okay ok sure dear sir madam mr mrs
request file document paper card national passport certificate birth marriage extract copy
office counter agent service administration appointment deadline fee stamp payment registration renewal
address number phone email form signature photo license licence permit residence
today tomorrow yesterday morning evening week month year day hour minute monday tuesday wednesday thursday friday saturday sunday
father mother son daughter brother sister child wife husband family car house work school university hospital
new old lost stolen urgent possible necessary required free paid
problem error answer question help information complaint delay issue
"""#
}
