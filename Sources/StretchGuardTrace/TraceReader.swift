import Foundation
import StretchGuardCore

/// Reads a trace in the replay input format.
///
/// A CSV (or `.csv.gz`) file with a header row; columns are found by name, in any order, and extra
/// columns are ignored. Required: `t` (s, strictly increasing), `gx,gy,gz` (rad/s) and `ax,ay,az` (m/s²),
/// all in the sensor's own frame. Uneven sampling and gaps are allowed. A UTF-8 byte-order mark before the
/// header is skipped.
///
/// Optional: the pelvis sensor's columns `pgx,pgy,pgz,pax,pay,paz` (same units and `t`, the pelvis sensor's
/// own frame), all six or none; with them the replay runs two sensors. A row whose six pelvis cells are
/// empty has no pelvis reading at that tick (a gap of the pelvis stream).
///
/// A row whose rate or force is beyond what any body-worn IMU reports (``IMUSampleLimits``: 4,000 °/s,
/// 32 g) is not a movement but a broken or mis-scaled cell: it is left out and counted in
/// ``TraceContents/rejected``, so one absurd value cannot turn the angles of everything after it.
public enum TraceReader {
    /// The columns every input trace needs, in the order `IMUSample` takes them.
    public static let requiredColumns = ["t", "gx", "gy", "gz", "ax", "ay", "az"]
    /// The pelvis sensor's columns, all or none, in the order `PelvisReading` takes them.
    public static let pelvisColumns = ["pgx", "pgy", "pgz", "pax", "pay", "paz"]

    /// Reads every sample of the file at `path`.
    ///
    /// - Throws: `TraceError` naming the file, the line and the fix.
    public static func read(path: String) throws(TraceError) -> TraceContents {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw TraceError(path: path, problem: "no such file", fix: "check the path and the file name")
        }
        guard !isFolder.boolValue else {
            throw TraceError(path: path, problem: "is a folder, not a trace file",
                             fix: "give a .csv or .csv.gz file inside it")
        }
        guard let reader = GzipLineReader(path: path) else {
            let reason = String(cString: strerror(errno))
            throw TraceError(path: path, problem: "cannot open the file (\(reason))",
                             fix: "check that it is a readable file")
        }
        do {
            return try read(reader, path: path)
        } catch let error as TraceError {
            throw error
        } catch let error as GzipLineReader.ReadFailure {
            throw TraceError(path: path, line: reader.lineNumber + 1,
                             problem: "cannot decompress (\(error.message))",
                             fix: "the .gz file is truncated or corrupt; copy it again from the device")
        } catch {
            throw TraceError(path: path, problem: "\(error)", fix: "check the file")
        }
    }

    private static func read(_ reader: GzipLineReader, path: String) throws -> TraceContents {
        let (columnIndex, pelvisIndex) = try readHeader(reader, path: path)
        let needed = (columnIndex + (pelvisIndex ?? [])).max().map { $0 + 1 } ?? 1
        var samples: [IMUSample] = []
        var rejected = TraceContents.Rejected()
        var pelvisMissing = 0
        var fields = [ArraySlice<UInt8>]()
        var values = [Double](repeating: 0, count: 7)
        var pelvisValues = [Double](repeating: 0, count: 6)
        while try reader.nextLine({ line -> Bool in
            if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) { return true }
            fields.removeAll(keepingCapacity: true)
            fields.append(contentsOf: line.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false))
            let lineNumber = reader.lineNumber
            guard fields.count >= needed else {
                throw TraceError(path: path, line: lineNumber,
                                 problem: "\(fields.count) cells, the header needs at least \(needed)",
                                 fix: "complete or remove the row")
            }
            try parseCells(fields, at: columnIndex, named: requiredColumns, into: &values, line: lineNumber, path: path,
                           fix: "fix the cell or remove the row")
            if let previous = samples.last, values[0] <= previous.time {
                throw TraceError(path: path, line: lineNumber,
                                 problem: "t=\(values[0]) is not after the previous t=\(previous.time)",
                                 fix: "times must strictly increase; sort the rows and drop duplicates")
            }
            var sample = IMUSample(time: values[0], gyr: Vector3D(values[1], values[2], values[3]),
                                   acc: Vector3D(values[4], values[5], values[6]))
            guard IMUSampleLimits.contains(sample) else {
                rejected.add(line: lineNumber, values: values)
                return true
            }
            if let pelvisIndex {
                sample.pelvis = try pelvisReading(fields, at: pelvisIndex, into: &pelvisValues, line: lineNumber,
                                                  path: path)
                if sample.pelvis == nil { pelvisMissing += 1 }
            }
            samples.append(sample)
            return true
        }) != nil {}
        guard !samples.isEmpty else {
            throw TraceError(path: path, problem: rejected.count > 0
                                ? "has no sample within an IMU's range (\(rejected.description))"
                                : "has a header but no samples",
                             fix: rejected.count > 0 ? "gx,gy,gz must be in rad/s and ax,ay,az in m/s²"
                                : "record a session or pick another file")
        }
        return TraceContents(samples: samples, rejected: rejected, hasPelvis: pelvisIndex != nil,
                             pelvisMissing: pelvisMissing)
    }

    /// The pelvis's reading in a row: `nil` when its six cells are empty (no reading at this tick) or
    /// beyond any IMU's range (a broken cell: the tick goes on with the thorax alone).
    private static func pelvisReading(_ fields: [ArraySlice<UInt8>], at index: [Int], into values: inout [Double],
                                      line: Int, path: String) throws -> PelvisReading? {
        if index.allSatisfy({ isBlank(fields[$0]) }) { return nil }
        try parseCells(fields, at: index, named: pelvisColumns, into: &values, line: line, path: path,
                       fix: "fix the cell, or leave all six pelvis cells empty for a tick without a pelvis reading")
        let reading = PelvisReading(gyr: Vector3D(values[0], values[1], values[2]),
                                    acc: Vector3D(values[3], values[4], values[5]))
        let asSample = IMUSample(time: 0, gyr: reading.gyr, acc: reading.acc)
        return IMUSampleLimits.contains(asSample) ? reading : nil
    }

    /// Parses the cells at `index` (their columns `names`) into `values`; a cell that is not a finite
    /// number is an error naming the column, the cell and `fix`.
    private static func parseCells(_ fields: [ArraySlice<UInt8>], at index: [Int], named names: [String],
                                   into values: inout [Double], line: Int, path: String, fix: String) throws {
        for (k, column) in index.enumerated() {
            guard let v = parseNumber(fields[column]), v.isFinite else {
                let cell = QuotedText.quoted(String(decoding: fields[column], as: UTF8.self))
                throw TraceError(path: path, line: line, problem: "column '\(names[k])' is \(cell), not a number",
                                 fix: fix)
            }
            values[k] = v
        }
    }

    /// Whether a cell holds only spaces or tabs.
    private static func isBlank(_ cell: ArraySlice<UInt8>) -> Bool {
        cell.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }
    }

    /// The index of each required column in the header, and of the pelvis's columns when the header has them.
    private static func readHeader(_ reader: GzipLineReader, path: String) throws -> ([Int], [Int]?) {
        guard let names = try reader.nextLine({ line in
            let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
            let text = line.starts(with: byteOrderMark) ? line.dropFirst(3) : line
            return text.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false).map {
                String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespaces).lowercased()
            }
        }), names != [""] else {
            throw TraceError(path: path, problem: "the file is empty",
                             fix: "it needs a header row \(requiredColumns.joined(separator: ",")) and samples")
        }
        let missing = requiredColumns.filter { !names.contains($0) }
        guard missing.isEmpty else {
            let plural = missing.count == 1 ? "column" : "columns"
            throw TraceError(path: path, line: 1,
                             problem: "missing \(plural) \(missing.joined(separator: ",")) (header is \(QuotedText.quoted(names.joined(separator: ","), limit: 80)))",
                             fix: "the header must name \(requiredColumns.joined(separator: ",")) (rad/s, m/s²)")
        }
        let pelvisPresent = pelvisColumns.filter { names.contains($0) }
        guard pelvisPresent.isEmpty || pelvisPresent.count == pelvisColumns.count else {
            let absent = pelvisColumns.filter { !names.contains($0) }
            throw TraceError(path: path, line: 1,
                             problem: "has pelvis columns \(pelvisPresent.joined(separator: ",")) but not \(absent.joined(separator: ","))",
                             fix: "give all six pelvis columns \(pelvisColumns.joined(separator: ",")) (rad/s, m/s²) or none")
        }
        let thorax = requiredColumns.map { names.firstIndex(of: $0) ?? 0 }
        let pelvis = pelvisPresent.isEmpty ? nil : pelvisColumns.map { names.firstIndex(of: $0) ?? 0 }
        return (thorax, pelvis)
    }

    /// Parses a decimal number (surrounding spaces allowed).
    static func parseNumber(_ bytes: ArraySlice<UInt8>) -> Double? {
        var s = bytes
        while let f = s.first, f == UInt8(ascii: " ") || f == UInt8(ascii: "\t") { s = s.dropFirst() }
        while let l = s.last, l == UInt8(ascii: " ") || l == UInt8(ascii: "\t") { s = s.dropLast() }
        guard !s.isEmpty else { return nil }
        return Double(Substring(decoding: s, as: UTF8.self))
    }
}
