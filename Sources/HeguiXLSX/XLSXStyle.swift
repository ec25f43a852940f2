/// How a cell looks. Equal styles share one libxlsxwriter format.
public struct XLSXStyle: Hashable, Sendable {
    /// Bold text.
    public var bold = false
    /// Text wrapped inside the column's width.
    public var wrap = false
    /// Centred across and down the cell (otherwise at the top).
    public var centered = false
    /// A thin border on all four sides.
    public var border = false
    /// An Excel number format (`yyyy-mm-dd`, `0.##`).
    public var numberFormat: String?
    /// Background colour, 0xRRGGBB.
    public var fill: UInt32?
    /// Font colour, 0xRRGGBB.
    public var fontColor: UInt32?
    /// Font size in points.
    public var fontSize: Double?

    /// Creates a style.
    public init(
        bold: Bool = false, wrap: Bool = false, centered: Bool = false, border: Bool = false, numberFormat: String? = nil,
        fill: UInt32? = nil, fontColor: UInt32? = nil, fontSize: Double? = nil
    ) {
        self.bold = bold
        self.wrap = wrap
        self.centered = centered
        self.border = border
        self.numberFormat = numberFormat
        self.fill = fill
        self.fontColor = fontColor
        self.fontSize = fontSize
    }

    /// The same style with another number format.
    public func formatted(_ code: String) -> XLSXStyle {
        var copy = self
        copy.numberFormat = code
        return copy
    }

    /// The same style with another fill.
    public func filled(_ colour: UInt32?) -> XLSXStyle {
        var copy = self
        copy.fill = colour
        return copy
    }
}

/// A sheet's printed page: A4, its orientation, rows repeated on every page, and a footer.
public struct XLSXPage: Hashable, Sendable {
    /// Landscape rather than portrait.
    public var landscape: Bool
    /// Rows (0-based) printed at the top of every page, such as the header.
    public var repeatRows: ClosedRange<Int>?
    /// The footer in Excel's codes: `&L`, `&C`, `&R` sections, `&P` page, `&N` pages. A literal `&` in
    /// a value put into it must be written `&&` (see `XLSXPage.literal`).
    public var footer: String?

    /// Creates a page setup.
    public init(landscape: Bool, repeatRows: ClosedRange<Int>? = nil, footer: String? = nil) {
        self.landscape = landscape
        self.repeatRows = repeatRows
        self.footer = footer
    }

    /// Text put into a header or footer as written (`&` doubled).
    public static func literal(_ text: String) -> String { text.replacingOccurrences(of: "&", with: "&&") }
}
