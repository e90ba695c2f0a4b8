"""GET /statements/<signed link>: a statement's PDF, for as long as the link lives."""

from collections.abc import Callable
from datetime import datetime

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bot.render.statement_mail import document_file_name
from bot.render.statement_pdf import statement_pdf
from bot.statement_links import BadLink, ExpiredLink, check_link
from bot.web.page import page
from commands.statement_document import find_document
from storage.unit_of_work import UnitOfWork

ASK_AGAIN = (
    "<p>Ask for a new one in Slack: <code>/billing statement &lt;company&gt; &lt;YYYY-MM&gt; "
    "pdf</code>, or the <b>Download PDF</b> button of the statement.</p>"
)


def statement_routes(uow: UnitOfWork, clock: Callable[[], datetime], secret: str) -> list[Route]:
    async def download(request: Request) -> Response:
        try:
            target = check_link(secret, request.path_params["token"], clock())
        except ExpiredLink:
            return page(
                "This link has expired", "<p>Statement links work for 7 days.</p>" + ASK_AGAIN, 410
            )
        except BadLink:
            return page(
                "This link is not valid", "<p>It was changed or cut short.</p>" + ASK_AGAIN, 403
            )
        document = await run_in_threadpool(
            find_document, uow, company_id=target.company_id, month=target.month
        )
        if document is None:
            return page("No such statement", "<p>This statement does not exist any more.</p>", 404)
        pdf = await run_in_threadpool(statement_pdf, document)
        name = document_file_name(document)
        return Response(
            pdf,
            media_type="application/pdf",
            headers={
                "content-disposition": f'inline; filename="{name}"',
                "cache-control": "private, no-store",
                "referrer-policy": "no-referrer",
            },
        )

    return [Route("/statements/{token}", download, methods=["GET"])]
