import ArgumentParser

@main
struct Thiqa: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "thiqa",
        abstract: "Thiqa: a sovereign, responsible-by-design AI gateway for public services.",
        subcommands: [Serve.self, Migrate.self, Keys.self, UseCases.self, Backends.self, Scan.self, LangID.self, KB.self, Log.self, Staff.self, Registry.self,
                      Reviews.self, Cases.self, Subjects.self]
    )
}
