import Testing
import StretchGuardWeb

@Suite("serve's [HOST:]PORT")
struct ServeAddressTests {
    @Test("a port alone binds loopback; a host and port bind that host",
          arguments: [("8080", "127.0.0.1", 8080, true), ("0.0.0.0:80", "0.0.0.0", 80, false),
                      ("192.168.1.20:8080", "192.168.1.20", 8080, false), ("localhost:9000", "localhost", 9000, true),
                      ("127.0.1.1:8080", "127.0.1.1", 8080, true), ("[::1]:8080", "::1", 8080, true),
                      ("[::]:8080", "::", 8080, false), ("127.0.0.1:0", "127.0.0.1", 0, true)])
    func parses(text: String, host: String, port: Int, loopback: Bool) throws {
        let address = try ServeAddress(parsing: text)
        #expect(address.host == host)
        #expect(address.port == port)
        #expect(address.isLoopback == loopback)
    }

    @Test("IPv6 hosts print in brackets, as in a URL")
    func description() throws {
        #expect(try ServeAddress(parsing: "[::]:8080").description == "[::]:8080")
        #expect(try ServeAddress(parsing: "8080").description == "127.0.0.1:8080")
    }

    @Test("anything else is refused with a sentence naming the text and the form",
          arguments: ["", "abc", "-1", "70000", ":8080", "host:", "[::1]8080", "a b:80"])
    func refuses(text: String) {
        #expect {
            try ServeAddress(parsing: text)
        } throws: { error in
            let sentence = (error as? ServeAddressError)?.description ?? ""
            return sentence.hasPrefix("'\(text)' is not an address to serve on") && sentence.contains("HOST:PORT")
        }
    }
}
