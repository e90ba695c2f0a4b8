"""The one HTML page shape billbot serves: no external assets, readable on a phone."""

import html

from starlette.responses import HTMLResponse

STYLE = """body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f4f6f8;color:#1c2733}
main{max-width:34rem;margin:0 auto;padding:1.5rem}h1{font-size:1.4rem;margin:.2rem 0 1rem}
.card{background:#fff;border-radius:12px;padding:1.25rem;box-shadow:0 1px 3px #0002}
label{display:block;margin:.8rem 0 .2rem;font-weight:600}
input{width:100%;box-sizing:border-box;padding:.6rem;font-size:1rem;border:1px solid #b8c2cc;
border-radius:8px}button{margin-top:1.2rem;width:100%;padding:.8rem;font-size:1.05rem;border:0;
border-radius:8px;background:#1d4e89;color:#fff}dt{color:#5b6b7b}dd{margin:0 0 .6rem}
.note{color:#5b6b7b;font-size:.9rem}"""


def page(title: str, body: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(
        "<!doctype html><html lang=en><head><meta charset=utf-8>"
        "<meta name=viewport content='width=device-width,initial-scale=1'>"
        f"<title>{html.escape(title)}</title><style>{STYLE}</style></head>"
        f"<body><main><div class=card><h1>{html.escape(title)}</h1>{body}</div></main>"
        "</body></html>",
        status_code=status,
        headers={"cache-control": "no-store", "referrer-policy": "no-referrer"},
    )
