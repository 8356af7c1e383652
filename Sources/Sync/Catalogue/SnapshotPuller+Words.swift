import Vocabulary

extension SnapshotPuller.Progress {
    /// One kind's progress in `language`: "kunde: 30 poster på 1 side"; in English its ``description``.
    public func words(_ language: Language) -> String {
        guard language == .da else { return description }
        let how = resumed ? " (bevaret fra den afbrudte hentning)" : " på \(pages) \(pages == 1 ? "side" : "sider")"
        return "\(kind.noun(.da)): \(records) \(records == 1 ? "post" : "poster")\(how)"
            + (changed.map { ", trinvis: \($0) ændret" } ?? "")
    }
}
