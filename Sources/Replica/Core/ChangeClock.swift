import Foundation
internal import GRDB
internal import GRDBSQLite

/// The SQL function `econsync_now()` that change-log triggers call for every
/// logged write: the injected clock's time in whole seconds since 1970.
///
/// It is registered on the raw connection rather than as a GRDB
/// `DatabaseFunction`, because it runs once per written row and GRDB's
/// wrapper (argument arrays, value boxing) would cost more than the clock read.
final class ChangeClock: Sendable {
    let now: @Sendable () -> Date

    init(now: @escaping @Sendable () -> Date) {
        self.now = now
    }

    /// Registers `econsync_now()` on `db`'s connection.
    func register(on db: Database) throws {
        let box = Unmanaged.passRetained(self).toOpaque()
        let code = sqlite3_create_function_v2(
            db.sqliteConnection, "econsync_now", 0, SQLITE_UTF8, box,
            { context, _, _ in
                let clock = Unmanaged<ChangeClock>.fromOpaque(sqlite3_user_data(context)).takeUnretainedValue()
                sqlite3_result_int64(context, Int64(clock.now().timeIntervalSince1970.rounded(.down)))
            },
            nil, nil,
            { box in
                if let box { Unmanaged<ChangeClock>.fromOpaque(box).release() }
            })
        guard code == SQLITE_OK else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "cannot register econsync_now()")
        }
    }
}
