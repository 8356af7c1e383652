import Sync

/// The language a page is written in (see ``Language/negotiate(query:acceptLanguage:)``).
public typealias PanelLanguage = Language
