"""Usage from outside Slack and corrections of usage typed wrongly, end to end."""

import subprocess

from tests.e2e.test_console import BILLBOT, billbot, env  # noqa: F401  (fixture)

OCT1 = "2026-10-01T09:00:00+00:00"
OCT20 = "2026-10-20T12:00:00+00:00"
NOV1 = "2026-11-01T09:00:00+00:00"

SETUP = [
    "as @olivia operator",
    "/billing plan new Api 0 USD metric:requests unit:0.01 included:0",
    "as @dan",
    "/billing company new Acme",
    "/billing app new api company:Acme plan:Api",
    "/billing app domain api api.acme.example since:2026-10-01",
]


def test_a_correction_is_a_negative_line_audited_and_never_below_zero(env):  # noqa: F811
    billbot(env, "console", "--at", OCT1, stdin="\n".join(SETUP))
    out = billbot(
        env,
        "console",
        "--at",
        OCT20,
        stdin="\n".join(
            [
                "as @dan",
                "/billing usage api requests 1200 on:2026-10-14",
                "/billing usage api requests -500 on:2026-10-14",
                "/billing usage api requests −701 on:2026-10-14",
                "/billing usage api requests -1 on:2026-10-15",
                "/billing audit Acme",
            ]
        ),
    )
    assert "Corrected api's requests on 2026-10-14 by -500: 700 for that day now." in out
    assert "api has 700 requests on 2026-10-14: a correction can take off at most that many." in out
    assert "api has 0 requests on 2026-10-15" in out
    assert "usage.corrected (app api, metric requests, quantity -500, day 2026-10-14)" in out
    assert "Finalized 1 statement for 2026-10 (7.00 USD)." in billbot(
        env, "close-month", "2026-10", "--at", NOV1
    )


def test_import_usage_from_a_csv_file_all_rows_or_none(env, tmp_path):  # noqa: F811
    billbot(env, "console", "--at", OCT1, stdin="\n".join(SETUP))
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "idempotency_key,app,metric,quantity,day\n"
        "k1,api,requests,100,2026-10-02\n"
        "k2,nope,requests,100,2026-10-02\n"
        "k3,api,requests,-5,2026-10-02\n"
        "k4,api,requests,5,2026-10-31\n"
    )
    done = subprocess.run(
        [str(BILLBOT), "import-usage", str(bad), "--at", OCT20],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.splitlines() == [
        "billbot: Nothing was recorded: 1 of the events can't be.",
        "  row 4: the quantity must be a whole number, 0 or more.",
    ]
    bad.write_text(bad.read_text().replace("-5", "5"))
    done = subprocess.run(
        [str(BILLBOT), "import-usage", str(bad), "--at", OCT20],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.stderr.splitlines() == [
        "billbot: Nothing was recorded: 2 of the events can't be.",
        "  row 3: there is no app called “nope”.",
        "  row 5: 2026-10-31 is in the future for api.",
    ]
    good = tmp_path / "good.csv"
    good.write_text(
        "idempotency_key,app,metric,quantity,day\n"
        "k1,api,requests,100,2026-10-02\n"
        "k2,api,requests,250,2026-10-03\n"
    )
    first = billbot(env, "import-usage", str(good), "--at", OCT20)
    assert first == "Recorded 2 usage rows from good.csv.\n"
    again = billbot(env, "import-usage", str(good), "--at", OCT20)
    assert again == "Recorded 0 usage rows from good.csv (2 already recorded).\n"
    out = billbot(env, "console", "--at", OCT20, stdin="as @dan\n/billing statement Acme")
    assert "• api: 350 requests" in out and "3.50 USD" in out
