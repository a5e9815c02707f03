"""``toolkit incidents ...``: encrypted incident notes from the command line.

Passphrases come from a prompt or, with ``--passphrase-stdin``, one per line on standard
input (the vault's first, then a package passphrase); never from the command line itself.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from toolkit import settings as settings_mod
from toolkit.atomic import write_atomic
from toolkit.errors import UserError
from toolkit.i18n import _
from toolkit.incidents import attachments as att
from toolkit.incidents import erase, photo, record, shamir, vault
from toolkit.incidents.labels import LABELS, SECTIONS
from toolkit.incidents.package import report_warnings, verify_package, write_package
from toolkit.incidents.recovery_sheet import make_recovery_pdf
from toolkit.incidents.report_pdf import field_text, human_size, make_report_pdf


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "incidents", help=_("encrypted incident notes: record, export, verify")
    )
    actions = parser.add_subparsers(
        dest="action", metavar="ACTION", required=True, parser_class=type(parser)
    )

    def add(name: str, help_text: str, func: Any, unlocks: bool = True) -> argparse.ArgumentParser:
        sub: argparse.ArgumentParser = actions.add_parser(name, help=help_text)
        sub.add_argument("--vault", default=vault.DEFAULT_NAME, help=_("the vault to use"))
        sub.add_argument(
            "--passphrase-stdin",
            action="store_true",
            help=_("read passphrases from standard input, one per line"),
        )
        if unlocks:
            sub.add_argument(
                "--recovery",
                action="store_true",
                help=_("unlock with the recovery code instead of the passphrase"),
            )
        sub.set_defaults(func=func)
        return sub

    init = add("init", _("create a new vault"), cmd_init, unlocks=False)
    init.add_argument(
        "--recovery-sheet",
        type=Path,
        metavar="FILE.pdf",
        help=_("write the printable recovery sheet here"),
    )
    init.add_argument(
        "--wipe-after",
        type=wipe_count,
        default=0,
        metavar="N",
        help=_("erase the vault after N wrong passphrases in a row (3 to 20; off by default)"),
    )
    settings = add("settings", _("show or change the settings of a vault"), cmd_settings)
    settings.add_argument(
        "--wipe-after",
        type=wipe_count,
        metavar="N|off",
        help=_("erase the vault after N wrong passphrases in a row (3 to 20), or off"),
    )
    add("template", _("print an empty record as JSON"), cmd_template, unlocks=False)
    add("vaults", _("list the vaults on this computer"), cmd_vaults, unlocks=False)
    new = add("add", _("add a record from a JSON file"), cmd_add)
    new.add_argument("file", type=Path, help=_("JSON file whose keys are the field names"))
    new.add_argument(
        "--attach",
        type=Path,
        action="append",
        default=[],
        metavar="FILE",
        help=_("attach a file (repeatable)"),
    )
    listing = add("list", _("list the records"), cmd_list)
    listing.add_argument("--json", action="store_true", help=_("print JSON"))
    listing.add_argument("--search", default="", help=_("only records containing these words"))
    show = add("show", _("show one record"), cmd_show)
    show.add_argument("id")
    show.add_argument("--json", action="store_true", help=_("print JSON"))
    export = add("export", _("write the PDF report of a record"), cmd_export)
    export.add_argument("id")
    export.add_argument("--out", type=Path, required=True, metavar="REPORT.pdf")
    export.add_argument(
        "--anyway",
        action="store_true",
        help=_("write the report even if the vault reports changes or unreadable files"),
    )
    export.add_argument(
        "--attested-by",
        default=None,
        metavar="NAME",
        help=_("the center staff member who took the account down (signs an attestation)"),
    )
    export.add_argument(
        "--attested-role", default=None, metavar="ROLE", help=_("their role at the center")
    )
    package = add("package", _("write an evidence package (zip) of a record"), cmd_package)
    package.add_argument("id")
    package.add_argument("--out", type=Path, required=True, metavar="EVIDENCE.zip")
    package.add_argument(
        "--encrypt",
        action="store_true",
        help=_("encrypt the package with its own passphrase (.tkpkg)"),
    )
    verify = add("verify", _("check every file of an evidence package"), cmd_verify, unlocks=False)
    verify.add_argument("package", type=Path)
    delete = add("delete", _("delete one record, or the whole vault with --all"), cmd_delete)
    delete.add_argument("id", nargs="?")
    delete.add_argument("--all", action="store_true", help=_("delete the whole vault"))
    delete.add_argument("--yes", action="store_true", help=_("confirm the deletion"))
    public = add(
        "public-photo",
        _("write a copy of a photo without location or camera data"),
        cmd_public_photo,
    )
    public.add_argument("id")
    public.add_argument(
        "--attachment", type=int, default=1, metavar="N", help=_("which attachment (1 = the first)")
    )
    public.add_argument("--out", type=Path, required=True)
    add("passwd", _("set a new passphrase (for example after using the recovery code)"), cmd_passwd)
    rotate = add(
        "rotate-recovery",
        _("make a new recovery code; the old code and its sheet stop working"),
        cmd_rotate_recovery,
    )
    rotate.add_argument(
        "--split",
        action="store_true",
        help=_("give the new code as three shares, any two of which open the vault"),
    )
    rotate.add_argument(
        "--recovery-sheet",
        type=Path,
        metavar="FILE.pdf",
        help=_("write the printable recovery sheet here"),
    )
    backup = add(
        "backup", _("write an encrypted copy of the vault to a folder (a USB stick)"), cmd_backup
    )
    backup.add_argument("--to", type=Path, required=True, metavar="FOLDER")
    restore = add(
        "restore",
        _("put a backup in place as a vault on this computer"),
        cmd_restore,
        unlocks=False,
    )
    restore.add_argument("backup", type=Path, metavar="FILE.tkbackup")
    rekey = add(
        "rekey",
        _("encrypt the whole vault under a new key (a new passphrase wrap and recovery code)"),
        cmd_rekey,
    )
    rekey.add_argument(
        "--recovery-sheet",
        type=Path,
        metavar="FILE.pdf",
        help=_("write the printable recovery sheet here"),
    )


def wipe_count(text: str) -> int:
    """``off`` (or 0) turns erasing off; otherwise a number of wrong tries from 3 to 20."""
    if text.strip().lower() in {"off", "0"}:
        return 0
    try:
        count = int(text)
    except ValueError:
        count = -1
    if not vault.WIPE_MIN <= count <= vault.WIPE_MAX:
        raise argparse.ArgumentTypeError(
            _("use a number from {low} to {high}, or off: {value!r}").format(
                low=vault.WIPE_MIN, high=vault.WIPE_MAX, value=text
            )
        )
    return count


def _wipe_text(count: int) -> str:
    if not count:
        return _("Erase after wrong passphrases: off")
    return _("Erase after wrong passphrases: after {n} wrong tries in a row").format(n=count)


class Secrets:
    """Passphrases from stdin lines or from hidden prompts."""

    def __init__(self, from_stdin: bool) -> None:
        self.from_stdin = from_stdin

    def ask(self, prompt: str, confirm: bool = False) -> str:
        if self.from_stdin:
            line = sys.stdin.readline()
            if not line:
                raise UserError(_("No passphrase on standard input."))
            return line.rstrip("\r\n")
        first = getpass.getpass(prompt)
        if confirm and getpass.getpass(_("Type it again: ")) != first:
            raise UserError(_("The two passphrases are not the same. Nothing was created."))
        return first


def _wait(seconds: float) -> None:
    print(
        _("Waiting {seconds} seconds after wrong passphrases…").format(
            seconds=int(seconds + 0.999)
        ),
        file=sys.stderr,
        flush=True,
    )
    time.sleep(seconds)


def open_vault(args: argparse.Namespace, secrets: Secrets | None = None) -> vault.Vault:
    secrets = secrets or Secrets(args.passphrase_stdin)
    opened = vault.Vault(args.vault)
    if not opened.path.exists():
        raise UserError(
            _(
                "There is no vault named {name}. Create it with: "
                "toolkit incidents init --vault {name}"
            ).format(name=args.vault)
        )
    if getattr(args, "recovery", False):
        code = secrets.ask(_("Recovery code (or one recovery share): "))
        if shamir.is_share(code):
            code = shamir.join_shares([code, secrets.ask(_("A second recovery share: "))])
        opened.unlock_with_recovery(code, sleep=_wait)
    else:
        opened.unlock(
            secrets.ask(_("Passphrase for {name}: ").format(name=args.vault)), sleep=_wait
        )
    if opened.damage_note:
        print(
            _("toolkit: warning: the vault is damaged and open read-only: {note}").format(
                note=opened.damage_note
            ),
            file=sys.stderr,
        )
    changed = {text for notes in opened.integrity.values() for text in notes}
    for problem in opened.load().errors:
        if problem.reason in changed:
            continue
        print(
            _("toolkit: warning: record {id} cannot be read: {reason}").format(
                id=problem.item_id, reason=problem.reason
            ),
            file=sys.stderr,
        )
    for text in sorted(changed):
        print(
            _("toolkit: warning: the vault file was changed outside the app: {note}").format(
                note=text
            ),
            file=sys.stderr,
        )
    return opened


def cmd_init(args: argparse.Namespace) -> int:
    secrets = Secrets(args.passphrase_stdin)
    name = vault.check_name(args.vault)
    if vault.vault_path(name).exists():
        raise UserError(_("A vault named {name} already exists.").format(name=name))
    passphrase = secrets.ask(_("New passphrase for {name}: ").format(name=name), confirm=True)
    created, code = vault.create_vault(name, passphrase)
    try:
        _finish_init(args, created, code)
    except BaseException:
        # The code was never shown or written: a vault nobody can recover is not kept.
        created.lock()
        vault.delete_files(created.path)
        print(_("Nothing was created."), file=sys.stderr)
        raise
    return 0


def _finish_init(args: argparse.Namespace, created: vault.Vault, code: str) -> None:
    name = created.name
    with created:
        if args.wipe_after:
            created.set_wipe_after(args.wipe_after)
            print(_wipe_text(args.wipe_after))
        if args.recovery_sheet:
            paper = settings_mod.load().settings.paper
            sheet = make_recovery_pdf(
                name, code, created.created(), paper=paper, fingerprint=created.fingerprint()
            )
            _warn(sheet.warnings)
            write_atomic(args.recovery_sheet, sheet.pdf)
            print(
                _(
                    "Vault {name} created. Recovery sheet written to {path}; print it and keep "
                    "it safe, then delete the file."
                ).format(name=name, path=args.recovery_sheet)
            )
        else:
            print(_("Vault {name} created.").format(name=name))
            print(_("Recovery code (write it down and keep it safe): {code}").format(code=code))


def cmd_settings(args: argparse.Namespace) -> int:
    with open_vault(args) as opened:
        if args.wipe_after is not None:
            opened.set_wipe_after(args.wipe_after)
        print(_wipe_text(opened.wipe_after()))
    return 0


def cmd_template(args: argparse.Namespace) -> int:
    print(json.dumps(record.template(), indent=2, ensure_ascii=False))
    return 0


def cmd_vaults(args: argparse.Namespace) -> int:
    for name in vault.list_vaults():
        print(name)
    return 0


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise UserError(
            _("Could not read {path}: {reason}").format(path=path, reason=exc.strerror or exc)
        ) from exc
    except (UnicodeDecodeError, ValueError) as exc:
        raise UserError(
            _("{path} is not valid JSON: {reason}").format(path=path, reason=exc)
        ) from exc


def cmd_add(args: argparse.Namespace) -> int:
    data = _read_json(args.file)
    if isinstance(data, dict):
        data.pop("id", None)
        data.pop("updated", None)
        # This vault creates the record now; the file's own date is kept as its claim.
        stated = data.pop("created", None)
        if isinstance(stated, str) and stated.strip() and not data.get("created_stated"):
            data["created_stated"] = stated.strip()[:64]
    new = record.from_dict(data)
    for path in args.attach:
        if not path.is_file():
            raise UserError(_("The file to attach was not found: {path}").format(path=path))
    with open_vault(args) as opened:
        # One transaction: the record is saved with every file, or not at all.
        att.save_with_files(opened, new, args.attach)
    print(new.id)
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with open_vault(args) as opened:
        found = [r for r in opened.records() if record.matches(r, args.search)]
        if args.json:
            rows = [
                {
                    "id": r.id,
                    "start_date": r.start_date,
                    "start_time": r.start_time,
                    "title": r.title(),
                    "attachments": len(att.attachments(opened, r.id)),
                }
                for r in found
            ]
            print(json.dumps(rows, indent=2, ensure_ascii=False))
        else:
            for r in found:
                print(f"{r.id}  {r.title()}")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    with open_vault(args) as opened:
        shown = opened.get(args.id)
        files = att.attachments(opened, shown.id)
        if args.json:
            data = shown.to_dict()
            data["attachments"] = [f.__dict__ for f in files]
            print(json.dumps(data, indent=2, ensure_ascii=False))
            return 0
        print(f"{_('Record')} {shown.id}")
        for title, names in SECTIONS:
            lines = [(n, field_text(shown, n)) for n in names]
            lines = [(n, t) for n, t in lines if t.strip()]
            if lines:
                print(f"\n== {_(title)} ==")
                for name, text in lines:
                    print(f"{_(LABELS[name])}: {text}")
        for number, info in enumerate(files, start=1):
            print(f"[{number}] {info.name}  {human_size(info.size)}  SHA-256 {info.sha256}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    current = settings_mod.load().settings
    with open_vault(args) as opened:
        chosen = opened.get(args.id)
        files, unreadable = att.list_for(opened, chosen.id)
        problems = opened.problems_for(chosen.id) + [e.reason for e in unreadable]
        if problems and not args.anyway:
            raise UserError(
                _(
                    "The report was not written: the vault reports problems with this record, "
                    "so files could be missing from it: {problems}. To write it anyway, add "
                    "--anyway."
                ).format(problems="; ".join(problems))
            )
        if args.attested_by is not None:
            chosen = replace(chosen, attested_by=args.attested_by.strip())
        if args.attested_role is not None:
            chosen = replace(chosen, attested_role=args.attested_role.strip())
        made = make_report_pdf(
            chosen,
            files,
            paper=current.paper,
            language=current.language,
            org_name=current.org_name,
            fingerprint=opened.fingerprint(),
            read=lambda info: att.read_bytes(opened, info),
        )
    _warn(made.warnings)
    write_atomic(args.out, made.pdf)
    print(_("Report written to {path}").format(path=args.out))
    return 0


def cmd_package(args: argparse.Namespace) -> int:
    secrets = Secrets(args.passphrase_stdin)
    current = settings_mod.load().settings
    with open_vault(args, secrets) as opened:
        chosen = opened.get(args.id)
        package_passphrase = None
        if args.encrypt:
            package_passphrase = secrets.ask(_("Passphrase for the package: "), confirm=True)
            vault.check_passphrase(package_passphrase)
        _warn(report_warnings(opened, chosen.id, current.language))
        out = write_package(
            opened,
            chosen.id,
            args.out,
            passphrase=package_passphrase,
            paper=current.paper,
            language=current.language,
        )
    print(_("Evidence package written to {path}").format(path=out))
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from toolkit.incidents.package import is_encrypted, proves

    passphrase = None
    if args.package.is_file() and is_encrypted(args.package):
        passphrase = Secrets(args.passphrase_stdin).ask(_("Passphrase for the package: "))
    result = verify_package(args.package, passphrase)
    words = {
        "good": _("good"),
        "changed": _("CHANGED"),
        "missing": _("MISSING"),
        "extra": _("not in the manifest"),
    }
    for item in result.checks:
        print(f"{words[item.status]:<12} {item.path}")
    for problem in result.problems:
        print(problem)
    if result.signed:
        print(
            _("Signed by the vault key with fingerprint {fingerprint}.").format(
                fingerprint=result.fingerprint
            )
        )
    if result.ok:
        print(_("All {n} files match their SHA-256.").format(n=len(result.checks)))
        print(proves())
        return 0
    print(_("This package does not check out: do not rely on it as it is."))
    return 1


def cmd_delete(args: argparse.Namespace) -> int:
    if not args.all and not args.id:
        raise UserError(_("Say which record to delete, or --all for the whole vault."))
    if not args.yes:
        raise UserError(_("Nothing was deleted. Add --yes to confirm."))
    if args.all:
        vault.delete_vault(args.vault)
        print(_("The vault {name} was erased: its keys were destroyed.").format(name=args.vault))
        print(erase.limits())
        return 0
    with open_vault(args) as opened:
        opened.delete_record(args.id)
    print(_("Record {id} was deleted.").format(id=args.id))
    return 0


def cmd_public_photo(args: argparse.Namespace) -> int:
    with open_vault(args) as opened:
        files = att.attachments(opened, opened.get(args.id).id)
        if not 1 <= args.attachment <= len(files):
            raise UserError(_("This record has {n} attachments.").format(n=len(files)))
        data = att.read_bytes(opened, files[args.attachment - 1])
    cleaned, _suffix = photo.public_copy(data)
    write_atomic(args.out, cleaned)
    print(_("Public copy written to {path}").format(path=args.out))
    return 0


def _warn(warnings: list[str]) -> None:
    """What a PDF cannot print, by field, said before the file is written."""
    for warning in warnings:
        print(_("toolkit: warning: {note}").format(note=warning), file=sys.stderr)


def _write_sheet(args: argparse.Namespace, opened: vault.Vault, code: str) -> None:
    if args.recovery_sheet:
        paper = settings_mod.load().settings.paper
        sheet = make_recovery_pdf(
            opened.name, code, opened.created(), paper=paper, fingerprint=opened.fingerprint()
        )
        _warn(sheet.warnings)
        write_atomic(args.recovery_sheet, sheet.pdf)
        print(
            _(
                "Recovery sheet written to {path}; print it and keep it safe, then delete the file."
            ).format(path=args.recovery_sheet)
        )
    else:
        print(_("Recovery code (write it down and keep it safe): {code}").format(code=code))


def cmd_rotate_recovery(args: argparse.Namespace) -> int:
    with open_vault(args) as opened:
        if args.split:
            print(
                _(
                    "A new recovery code was made as three shares; any two open the vault. "
                    "Give one each to two people, keep the third safe. The old code no longer "
                    "opens the vault."
                )
            )
            for share in opened.split_recovery():
                print(share)
            return 0
        code = opened.rotate_recovery()
        print(_("A new recovery code was made; the old code no longer opens the vault."))
        _write_sheet(args, opened, code)
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    with open_vault(args) as opened:
        where = opened.backup_to(args.to)
    print(
        _(
            "Backup written to {path}. It opens with this vault's passphrase or recovery code; "
            "restore it with: toolkit incidents restore FILE --vault NAME"
        ).format(path=where)
    )
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    vault.restore_backup(args.backup, vault.check_name(args.vault))
    print(_("The backup was restored as the vault {name}.").format(name=args.vault))
    return 0


def cmd_rekey(args: argparse.Namespace) -> int:
    secrets = Secrets(args.passphrase_stdin)
    with open_vault(args, secrets) as opened:
        passphrase = secrets.ask(_("Passphrase from now on: "), confirm=True)
        code = opened.rekey(passphrase)
        print(_("The vault is now encrypted under a new key, with a new recovery code."))
        _write_sheet(args, opened, code)
    return 0


def cmd_passwd(args: argparse.Namespace) -> int:
    secrets = Secrets(args.passphrase_stdin)
    with open_vault(args, secrets) as opened:
        opened.change_passphrase(secrets.ask(_("New passphrase: "), confirm=True))
    print(_("The passphrase was changed."))
    return 0
