import OkrugCore

extension ContactsView {
    init(_ school: School) {
        self.init(
            name: school.name, role: school.role.russian, locality: school.locality, head: school.head,
            address: school.address, phone: school.phone, phoneLink: school.phoneLink, email: school.email,
            emailLink: school.email.map { "mailto:" + $0 }, website: school.url)
    }
}
