import HeguiBase

/// An attribute of an element, with where it stands in the source.
public struct XMLAttribute: Hashable, Sendable {
    /// The attribute's local name.
    public var name: String
    /// The attribute's value, entity references resolved.
    public var value: String
    /// Where the attribute's name starts; the element's location when it cannot be found.
    public var location: SourceLocation

    /// Creates an attribute.
    public init(name: String, value: String, location: SourceLocation) {
        self.name = name
        self.value = value
        self.location = location
    }
}

/// An element of a parsed document as a plain Swift value, detached from libxml2.
public struct XMLElement: Hashable, Sendable {
    /// The element's local name (without prefix).
    public var name: String
    /// The namespace URI, if any.
    public var namespace: String?
    /// The attributes in document order.
    public var attributes: [XMLAttribute]
    /// The child elements in document order (comments and processing instructions are dropped).
    public var children: [XMLElement]
    /// The element's own text and CDATA content concatenated, untrimmed.
    public var text: String
    /// Where the element's `<` stands.
    public var location: SourceLocation

    /// Creates an element.
    public init(
        name: String, namespace: String? = nil, attributes: [XMLAttribute] = [],
        children: [XMLElement] = [], text: String = "", location: SourceLocation
    ) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
        self.children = children
        self.text = text
        self.location = location
    }

    /// The value of the attribute with this name, if present.
    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// Where the attribute with this name stands, or the element's location.
    public func location(ofAttribute name: String) -> SourceLocation {
        attributes.first { $0.name == name }?.location ?? location
    }

    /// The child elements with this name, in document order.
    public func children(named name: String) -> [XMLElement] {
        children.filter { $0.name == name }
    }

    /// The first child element with this name.
    public func child(named name: String) -> XMLElement? {
        children.first { $0.name == name }
    }
}
