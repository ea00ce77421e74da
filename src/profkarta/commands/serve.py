"""`profkarta serve [--dev-addr HOST:PORT] [--drafts]`: live preview that rebuilds on save and reloads the page."""

from __future__ import annotations

import errno
import threading

from rich.console import Console

from profkarta.commands.build import project_root
from profkarta.commands.validate import print_findings
from profkarta.errors import UsageError


def add_parser(subs) -> None:
    p = subs.add_parser("serve", help="предпросмотр сайта с обновлением при сохранении",
                        description="Собирает сайт во временную папку (без PDF, для скорости) и показывает его в "
                        "браузере. При сохранении файлов в career_maps/, content/, theme/ или mkdocs.yml сайт "
                        "пересобирается, а открытая страница обновляется сама. Ошибки проверки видны на странице.")
    p.add_argument("-a", "--dev-addr", metavar="АДРЕС:ПОРТ", default="127.0.0.1:8000",
                   help="где открыть предпросмотр (по умолчанию 127.0.0.1:8000)")
    p.add_argument("--drafts", action="store_true", default=True,
                   help="показывать проекты карт с пометкой «ПРОЕКТ» (так и есть по умолчанию)")
    p.add_argument("--no-drafts", dest="drafts", action="store_false",
                   help="показать сайт как после profkarta build: без проектов карт")
    p.set_defaults(run=run)


def parse_addr(value: str) -> tuple[str, int]:
    host, _, port = value.rpartition(":")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise UsageError(f"адрес «{value}» записан неверно: нужно ХОСТ:ПОРТ, например 127.0.0.1:8000.")
    return host.strip("[]"), int(port)


def socket_problem(exc: OSError) -> str:
    """The operating system's reason in Russian (its own text is English)."""
    reasons = {errno.EADDRINUSE: "порт уже занят — вероятно, предпросмотр уже запущен в другом окне",
               errno.EACCES: "нет прав открыть этот порт (порты меньше 1024 требуют прав администратора)",
               errno.EADDRNOTAVAIL: "такого адреса нет у этого компьютера"}
    return reasons.get(exc.errno or 0, f"система не разрешила открыть порт (код ошибки {exc.errno})")


def run(args) -> int:
    from profkarta.commands.livepreview import Preview, make_server

    out = Console(highlight=False, soft_wrap=True)
    host, port = parse_addr(args.dev_addr)
    root = project_root()

    def on_event(kind: str, **kw) -> None:
        if kind == "changed":
            out.print("Файлы изменились — пересобираю…", markup=False)
        elif kind == "built":
            out.print(f"Готово за {kw['seconds']:.1f} с: страниц {kw['pages']}, предупреждений {kw['warnings']}.",
                      style="green", markup=False)
        elif kind == "invalid":
            print_findings(kw["findings"], out)
            out.print("Сайт не пересобран: есть ошибки (они показаны и на странице в браузере).", style="red",
                      markup=False)
        elif kind == "failed":
            out.print(f"Сборка не удалась: {kw['message']}", style="red", markup=False)

    site_url = f"http://{host}:{port}/"
    preview = Preview(root, site_url, drafts=args.drafts, on_event=on_event)
    try:
        server = make_server(preview, host, port)  # bind first: a busy port is reported before the first build
    except OSError as exc:
        preview.close()
        raise UsageError(f"не удалось открыть {host}:{port}: {socket_problem(exc)}. Укажите другой порт: "
                         f"profkarta serve --dev-addr {host}:{port + 1 if port < 65535 else 8001}") from None
    out.print("Собираю сайт для предпросмотра (без PDF)…", markup=False)
    preview.rebuild()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    out.print(f"Предпросмотр: {site_url} — откройте в браузере. Остановить: Ctrl+C.", style="bold", markup=False)
    try:
        preview.watch()
    except KeyboardInterrupt:
        out.print("Предпросмотр остановлен.", markup=False)
    finally:
        server.shutdown()
        server.server_close()
        preview.close()
    return 0

