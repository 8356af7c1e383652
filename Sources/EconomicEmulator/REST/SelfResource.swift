import Snapshot

/// `GET /self`: the agreement, company, app and modules, shaped like the
/// recorded demo response (the Projects module, number 4 "Projektstyring",
/// is listed when the configuration has it).
enum SelfResource {
    static func document(_ env: RequestEnvironment, state: EmulatorState) -> EmulatorResponse {
        let base = env.base
        let agreement = Int64(state.agreement)
        var modules: [JSONValue] = [
            module(14, "Dimension (afdeling/kvantum)", base), module(33, "Balance posting (user)", base),
        ]
        if state.configuration.projectsModule { modules.append(module(4, "Projektstyring", base)) }
        let document: [String: JSONValue] = [
            "agreementNumber": .int(agreement),
            "agreementType": .object(["agreementTypeNumber": .int(1), "name": .string("denmark")]),
            "userName": .string("Emulator"),
            "signupDate": .string("2016-02-17"),
            "user": .object(["loginId": .string("Emulator"), "email": .string("emulator@localhost"), "name": .string("Emulator User"),
                             "agreementNumber": .int(agreement),
                             "language": .object(["languageNumber": .int(1), "name": .string("Danish"), "culture": .string("da-DK"),
                                                  "self": .string("\(base)/languages/1")])]),
            "company": .object(["name": .string(state.configuration.companyName), "addressLine1": .string("Langebrogade 1"),
                                "zip": .string("1411"), "city": .string("København K"), "companyIdentificationNumber": .string("29403473"),
                                "email": .string("emulator@localhost"), "phoneNumber": .string("+4512345678"),
                                "faxNumber": .string("+4522334455"), "attention": .string("Emulator")]),
            "bankInformation": .object(["bankName": .string("Emulatorbanken"), "swiftCode": .string("EMULDKKK"),
                                        "ibanNumber": .string("DK5000400440116243"), "bankSortCode": .string("0040"),
                                        "bankAccountNumber": .string("0440116243"), "pbsCustomerGroupNumber": .string("00001"),
                                        "giro": .string("00000000")]),
            "application": .object(["appNumber": .int(1), "name": .string("econsync emulator app"),
                                    "appPublicToken": .string(state.configuration.appPublicTokens.sorted().first ?? ""),
                                    "created": .string("2026-01-01"),
                                    "requiredRoles": .array([.object(["roleNumber": .int(2), "name": .string("SuperUser")])]),
                                    "self": .string("\(base)/apps/1")]),
            "settings": .object(["baseCurrency": .string("DKK")]),
            "companyAffiliation": .string("e-conomic"),
            "canSendElectronicInvoice": .bool(false),
            "modules": .array(modules),
            "self": .string("\(base)/self"),
        ]
        return .json(200, .object(document))
    }

    static func module(_ number: Int64, _ name: String, _ base: String) -> JSONValue {
        .object(["moduleNumber": .int(number), "name": .string(name), "self": .string("\(base)/modules/agreement/\(number)")])
    }
}
