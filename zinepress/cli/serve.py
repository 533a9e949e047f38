"""`zine serve`: a live preview in a browser while editing YAML or PO files."""
from __future__ import annotations

import click


@click.command("serve")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port on 127.0.0.1 (0: any free port).")
@click.option("--draft/--print", default=False,
              help="--print (the default) shows the pages as a print build makes them, with its "
                   "errors; --draft shows untranslated or unchecked parts marked DRAFT. Each "
                   "page can switch between the two.")
def command(port: int, draft: bool) -> None:
    """Serve a live preview on http://127.0.0.1:PORT/ that updates when a file is saved."""
    from zinepress.project import find_root
    from zinepress.serve.server import HOST, Preview, make_server   # only this command needs it

    try:
        server = make_server(Preview(find_root(), draft), port)
    except OSError as exc:
        raise click.ClickException(f"cannot listen on {HOST}:{port}: {exc.strerror}") from None
    click.echo(f"serving http://{HOST}:{server.server_port}/ (Ctrl-C stops)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
