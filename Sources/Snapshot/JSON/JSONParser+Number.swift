extension JSONParser {
    /// Parses a number by the JSON grammar and returns its canonical spelling:
    /// the exact decimal value, without leading or trailing zeros, without an
    /// exponent unless padding would exceed ``maximumPadding`` zeros.
    mutating func parseNumber() throws -> String {
        let start = index
        var negative = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        var digits: [UInt8] = []
        guard index < bytes.count, isDigit(bytes[index]) else { throw JSONError("invalid number", offset: start) }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, isDigit(bytes[index]) { throw JSONError("leading zero in a number", offset: start) }
        } else {
            while index < bytes.count, isDigit(bytes[index]) {
                digits.append(bytes[index])
                index += 1
            }
        }
        var exponent = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else { throw JSONError("invalid number: no digit after '.'", offset: start) }
            while index < bytes.count, isDigit(bytes[index]) {
                digits.append(bytes[index])
                exponent -= 1
                index += 1
            }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            var exponentNegative = false
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                exponentNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            guard index < bytes.count, isDigit(bytes[index]) else { throw JSONError("invalid number: no digit in the exponent", offset: start) }
            var value = 0
            while index < bytes.count, isDigit(bytes[index]) {
                value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
                guard value < 100_000_000 else { throw JSONError("number exponent out of range", offset: start) }
                index += 1
            }
            exponent += exponentNegative ? -value : value
        }
        return Self.canonical(negative: negative, digits: digits, exponent: exponent)
    }

    /// Zeros of padding beyond which a number is written with an exponent.
    static let maximumPadding = 40

    /// The canonical spelling of `(-1)^negative × digits × 10^exponent`.
    static func canonical(negative: Bool, digits: [UInt8], exponent: Int) -> String {
        var digits = digits[...].drop { $0 == UInt8(ascii: "0") }
        var exponent = exponent
        guard !digits.isEmpty else { return "0" }
        while digits.last == UInt8(ascii: "0") {
            digits.removeLast()
            exponent += 1
        }
        var output: [UInt8] = negative ? [UInt8(ascii: "-")] : []
        let zeros = UInt8(ascii: "0")
        if exponent >= 0 && exponent <= maximumPadding {
            output += digits
            output += repeatElement(zeros, count: exponent)
        } else if exponent < 0 && digits.count + exponent > 0 {
            let point = digits.startIndex + digits.count + exponent
            output += digits[..<point]
            output.append(UInt8(ascii: "."))
            output += digits[point...]
        } else if exponent < 0 && -(digits.count + exponent) <= maximumPadding {
            output += [zeros, UInt8(ascii: ".")]
            output += repeatElement(zeros, count: -(digits.count + exponent))
            output += digits
        } else {
            output.append(digits.first!)
            if digits.count > 1 {
                output.append(UInt8(ascii: "."))
                output += digits.dropFirst()
            }
            output.append(UInt8(ascii: "e"))
            output += String(exponent + digits.count - 1).utf8
        }
        return String(decoding: output, as: UTF8.self)
    }

    @inline(__always)
    func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
