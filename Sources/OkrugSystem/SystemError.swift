import Foundation
import Glibc

/// A failed system call on a file, worded for the person who has to fix it: the system's own
/// `strerror` text is English and names no remedy.
public struct SystemError: Error, CustomStringConvertible, Sendable {
    /// The path as the user should see it (`Public/materials/x/index.html`).
    public var path: String
    public var code: Int32

    public init(path: String, code: Int32) {
        self.path = path
        self.code = code
    }

    public var description: String { "\(path): \(Self.reason(code))" }

    /// What to do about it, for the diagnostic's hint.
    public var hint: String { Self.hint(code) }

    /// A Foundation error (from `Data.write`, `FileManager`) as the system error under it, so
    /// it can be said in Russian; `EIO` when none is found.
    public static func from(_ error: any Error, path: String) -> SystemError {
        if let error = error as? SystemError { return error }
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return SystemError(path: path, code: Int32(underlying.code))
        }
        if ns.domain == NSPOSIXErrorDomain { return SystemError(path: path, code: Int32(ns.code)) }
        switch ns.code {
        case NSFileWriteNoPermissionError, NSFileReadNoPermissionError: return SystemError(path: path, code: EACCES)
        case NSFileWriteOutOfSpaceError: return SystemError(path: path, code: ENOSPC)
        case NSFileWriteVolumeReadOnlyError: return SystemError(path: path, code: EROFS)
        case NSFileWriteFileExistsError: return SystemError(path: path, code: EEXIST)
        case NSFileNoSuchFileError, NSFileReadNoSuchFileError: return SystemError(path: path, code: ENOENT)
        case NSFileWriteInvalidFileNameError: return SystemError(path: path, code: ENAMETOOLONG)
        default: return SystemError(path: path, code: EIO)
        }
    }

    package static func reason(_ code: Int32) -> String {
        switch code {
        case ENOSPC: return "на диске нет места"
        case EDQUOT: return "исчерпана квота на диске"
        case EACCES, EPERM: return "нет прав на запись или чтение"
        case EROFS: return "диск доступен только для чтения"
        case ENAMETOOLONG: return "слишком длинное имя файла или путь"
        case ENOENT: return "нет такого файла или папки"
        case EEXIST: return "файл уже существует"
        case EISDIR: return "на этом месте папка, а нужен файл"
        case ENOTDIR: return "на месте папки лежит файл"
        case ELOOP: return "символическая ссылка (okrug не пишет через ссылки)"
        case EMFILE, ENFILE: return "открыто слишком много файлов"
        case EIO: return "ошибка ввода-вывода диска"
        case EXDEV: return "папки на разных дисках"
        case ENOTEMPTY: return "папка не пуста"
        case EBUSY: return "папка занята другой программой"
        case EFBIG: return "файл больше допустимого размера"
        case ENODEV: return "это не обычный файл, а устройство, именованный канал (FIFO) или сокет"
        default: return "системная ошибка №\(code)"
        }
    }

    static func hint(_ code: Int32) -> String {
        switch code {
        case ENOSPC, EDQUOT: return "освободите место на диске и запустите сборку снова"
        case EACCES, EPERM, EROFS:
            return "проверьте права на папку сайта и папку над ней или укажите другую: --output путь"
        case ENAMETOOLONG: return "сократите имя файла материала, поле slug или название метки"
        case ELOOP: return "уберите символическую ссылку из папки сайта"
        case ENODEV: return "okrug читает только обычные файлы: замените его настоящим файлом или уберите"
        default: return "проверьте папку сайта и запустите сборку снова"
        }
    }
}
