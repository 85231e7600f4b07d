// Training text for es, written by the Thiqa team for this purpose (see README.md beside this file).
// One message per line; the lexicon holds frequent words, space-separated, so that one- and two-word messages have evidence.

extension TrainingCorpus {
    static let spanishMessages = #"""
Hola, quisiera obtener una copia de mi partida de nacimiento.
hola que papeles necesito para el documento de identidad
¿Cuál es el horario de la oficina del registro civil?
Quisiera pedir una cita para entregar mi expediente.
¿Se puede pagar por internet?
Por favor, respóndanme lo antes posible.
Tengo un problema con la factura del agua y de la luz.
Me han denegado la solicitud sin ninguna explicación, ¿qué hago?
Estoy buscando el formulario de solicitud de beca.
¿Dónde queda la oficina administrativa más cercana a mi casa?
¿Cómo se consigue una licencia de obra?
Este mes no he cobrado la pensión de jubilación.
¿Me pueden enviar la lista de documentos justificativos?
mi expediente esta incompleto pero nadie me dijo lo que falta
Buenos días, busco trabajo y quisiera inscribirme en la agencia de empleo.
¿Tengo que ir en persona para firmar?
Quisiera saber si mi pasaporte ya está listo.
¿Cuánto vale el timbre fiscal del pasaporte?
Me he mudado a Casablanca, ¿cómo cambio mi dirección?
Me han cobrado el pago dos veces en la cuenta.
es la tercera vez que vengo y la oficina está cerrada
Muchísimas gracias por su ayuda.
Quiero presentar una queja contra un funcionario.
Mi tarjeta de identidad caduca el mes que viene.
¿Hace falta cita previa o puedo ir directamente?
¿Dónde puedo traducir mi título?
Soy estudiante y necesito un certificado de matrícula.
hola como puedo seguir mi solicitud
El plazo anunciado ya pasó hace mucho.
No tengo internet, ¿puedo hacer el trámite en la ventanilla?
¿Cuál es la dirección exacta del juzgado de primera instancia?
Tengo que renovar el carnet de conducir, ¿qué tengo que llevar?
La persona del teléfono me colgó.
¿Pueden confirmar que mi inscripción quedó registrada?
Mi hijo nació en el extranjero, ¿cómo lo inscribo en el consulado?
se puede legalizar la firma sin el carnet original
¿Aceptan una copia compulsada?
Quiero inscribirme en el censo electoral.
Me pidieron un certificado de ingresos, ¿dónde lo pido?
Mi empresa no me da de alta en la seguridad social.
Quisiera saber cuánto es el impuesto de vivienda.
Falta una página en mi libro de familia.
Buenas tardes, ¿me podrían indicar los pasos a seguir?
La web del ministerio no funciona desde esta mañana.
Se me olvidó el usuario y la contraseña.
Quisiera anular mi cita de mañana.
¿Basta con los documentos escaneados?
La cola era demasiado larga y me fui sin nada.
¿Cuánto cuesta un duplicado del permiso de circulación?
Necesito una fe de vida para la pensión.
¿Dónde pago la multa de aparcamiento?
Mi nombre está mal escrito en el título.
Les agradezco de antemano su comprensión.
Adjunto la copia de mi documento de identidad.
Tengo una discapacidad, ¿hay una ventanilla preferente?
Mi madre perdió su libro de familia.
Me gustaría saber a qué hora cierra la prefectura.
¿Cuántas fotos de carnet hacen falta?
¿Tengo que legalizar la copia?
Nunca me llegó el código de verificación por SMS.
¿Quién puede firmar por mí si estoy enfermo?
Vivo en España y quiero hacer un poder notarial.
¿Es gratis o hay que pagar?
No encuentro el enlace para descargar el formulario.
¿Cuántos días tarda el certificado de propiedad?
Quiero recurrir una multa que me pusieron por error.
hola, tengo un problema con la inscripción a la oposición
Se perdió el historial médico de mi padre en el hospital.
Quisiera pedir una ayuda para vivienda social.
¿Me lo pueden mandar por correo?
Somos una asociación y queremos una subvención del ayuntamiento.
Quisiera una cita con el alcalde.
¿Por qué me han bloqueado la tarjeta?
No consigo imprimir el justificante.
Su servicio es estupendo, enhorabuena.
Estoy muy descontento con la atención en la ventanilla tres.
¿El documento tiene que estar traducido al árabe?
Necesito un extracto del registro mercantil.
¿Cómo se declara la defunción de mi abuelo?
Les escribo para avisar de un corte de agua en nuestro barrio.
Las farolas de nuestra calle no funcionan desde hace un mes.
¿Los extranjeros también pueden hacer este trámite?
Quiero apuntar a mi hija en la guardería municipal.
¿Cuál es el teléfono de atención al cliente?
¿Cuándo van a publicar los resultados?
Tengo que presentar un justificante de domicilio reciente.
La factura de este mes es demasiado alta.
¿La oficina abre en vacaciones?
Quisiera solicitar la conexión a la red.
oye q papeles hacen falta pal pasaporte porfa
perdon no entendi la respuesta
vale muchas gracias
de acuerdo, paso mañana por la mañana
sí claro
no, no es eso
no sé qué hacer
me pueden ayudar
ayúdenme por favor
¿dónde exactamente?
¿a qué hora?
¿qué oficina?
todavía sin respuesta
no funciona
el enlace no va
solicitud de duplicado
pedir cita previa
certificado de empadronamiento
antecedentes penales
copia literal
solicitud de empleo
certificado de salario
formulario en línea
número de expediente
registro civil
oficina de impuestos
carnet de conducir
certificado de defunción
documento de identidad
tarjeta de residencia
vengo por la renovación
vale, gracias
todavía no
¿hay que coger número?
estoy perdido
¿cuánto tiempo tarda?
¿hoy está cerrado?
llevo una hora esperando
¿aceptan cheques?
no tengo cita
¿qué documento hace falta?
me falta un papel
es para mi madre
vuelvo mañana
¿en qué planta?
la ventanilla número cinco
gracias por todo
que tenga un buen día
no encuentro la entrada
¿hay que pagar?
"""#

    static let spanishLexicon = #"""
el la los las un una unos unas de del al y e o u en con sin para por sobre entre hasta desde hacia según
yo tú él ella nosotros vosotros ellos ellas usted ustedes me te se nos os le les lo mi mis tu tus su sus nuestro nuestra vuestro
este esta estos estas ese esa eso aquel que quien quién qué cual cuál donde dónde cuando cuándo como cómo cuanto cuánto por qué porque
no sí nunca nada nadie ningún ninguna muy mucho mucha muchos poco también todavía ya siempre solo
ser estar haber tener hacer ir venir poder querer deber saber decir ver dar poner encontrar pagar pedir necesitar
soy eres es somos son estoy está estamos están he has ha hemos han tengo tiene tenemos tienen hago hace voy va vamos van
puedo puede podemos pueden quiero quiere queremos quieren debo debe sé sabe hay había quisiera podría sería era
hola buenos días buenas tardes noches gracias señor señora por favor vale de acuerdo pues entonces pero ni
solicitud expediente documento papel tarjeta pasaporte partida nacimiento matrimonio certificado copia
ayuntamiento oficina ventanilla funcionario servicio cita plazo tasa pago inscripción renovación trámite
dirección número teléfono correo formulario firma foto carnet permiso residencia
hoy mañana ayer tarde semana mes año día hora minuto lunes martes miércoles jueves viernes sábado domingo
padre madre hijo hija hermano hermana niño mujer marido familia coche casa trabajo colegio universidad hospital
nuevo nueva viejo perdido robado urgente posible necesario obligatorio gratis gratuito
problema error respuesta pregunta ayuda información queja retraso
"""#
}
