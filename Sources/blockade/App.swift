import BlockadeCLI

@main
struct App {
    static func main() async {
        await BlockadeCommand.main()
    }
}
