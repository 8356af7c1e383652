import Vocabulary

/// The brief's rule for materials: a material's product must exist in
/// e-conomic, or be auto-created. Given the materials waiting to go out and
/// the plan's operations, it blocks each material whose product is neither in
/// e-conomic nor created by the plan, naming the product.
///
/// ```swift
/// let blocks = ProductDemand(autoCreate: false).operations(materials: waiting, plan: ops)
/// blocks[0].reason   // "product KR-15 (Kobberrør 15 mm) does not exist in e-conomic: …"
/// ```
public struct ProductDemand: Sendable {
    /// A material that will be exported, and its product.
    public struct Material: Sendable, Equatable {
        /// The material's plan key (`local:ID`).
        public var key: String
        /// The product's plan key: its e-conomic product number, or `local:ID`.
        public var product: String
        /// The product as a person names it (`KR-15 (Kobberrør 15 mm)`).
        public var productLabel: String

        public init(key: String, product: String, productLabel: String) {
            self.key = key
            self.product = product
            self.productLabel = productLabel
        }
    }

    public var autoCreate: Bool

    public init(autoCreate: Bool) {
        self.autoCreate = autoCreate
    }

    /// A block for every material whose product the plan does not create and e-conomic does not have.
    public func operations(materials: [Material], plan operations: [PlanOperation]) -> [PlanOperation] {
        let products = Dictionary(operations.filter { $0.kind == .product }.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        return materials.compactMap { material in
            guard RecordRef.isLocal(planKey: material.product) else { return nil }
            let productOp = products[material.product]
            if productOp?.action == .create { return nil }
            let reason: PlanReason = autoCreate ? .productNotCreatable(material.productLabel, because: productOp?.because)
                : .productMissing(material.productLabel)
            return PlanOperation(kind: .material, key: material.key, action: .block, because: reason)
        }
    }
}
