import Foundation

/// Where the browser tests find headless Chromium, and what to tell the user when it is missing.
public enum ChromiumBinary {
    /// Where Chromium may be installed: `$STRETCHGUARD_CHROMIUM` when set, else Debian's and Ubuntu's places.
    public static let candidates = ProcessInfo.processInfo.environment["STRETCHGUARD_CHROMIUM"].map { [$0] }
        ?? ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]

    /// The first candidate that can be run, or nil.
    public static func find() -> String? {
        candidates.first(where: FileManager.default.isExecutableFile(atPath:))
    }

    /// The sentence a browser test fails with when ``find()`` finds none: `what` cannot be checked, and how
    /// to install Chromium.
    public static func missing(_ what: String) -> String {
        "Chromium is not installed, so \(what) cannot be checked in a real browser: run scripts/install-deps --tests "
            + "(it runs `apt-get install chromium`; scripts/test and CI do this), or name another binary in $STRETCHGUARD_CHROMIUM"
    }
}
