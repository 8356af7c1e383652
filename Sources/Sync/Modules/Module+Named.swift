import Vocabulary

extension Module {
    /// The module called `name`, or an error naming the modules there are.
    public static func named(_ name: String) throws -> Module {
        guard let module = Module(rawValue: name) else {
            throw SyncError(.unknownModule, "unknown module \"\(name)\"; modules are \(Module.allNames)")
        }
        return module
    }
}
