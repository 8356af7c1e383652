import CMalloc

/// Gives the memory a large piece of work freed back to the system.
///
/// glibc's malloc keeps what is freed in the arena it came from, for reuse,
/// and each busy thread gets an arena of its own: after a first sync had
/// parsed, written and freed 100,000 customers on two threads, the process
/// kept that memory resident into the next kind (`econsync sync` of 100,000
/// customers peaked at 147–152 MiB; a trim after each kind, at 129–132 MiB).
/// A no-op where malloc has no trim.
///
/// ```swift
/// try load(customers)      // 100,000 records parsed and freed
/// FreedMemory.giveBack()
/// ```
public enum FreedMemory {
    /// Gives back what malloc holds free (see the type).
    public static func giveBack() {
        cmalloc_trim()
    }
}
