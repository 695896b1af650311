"""The partner scenario and the employer statement, through a client that openapi-python-client
generated from openapi/openapi.json (see xtask/src/contract.rs). Any step that does not get
what the document promises fails the run."""

import datetime
import io
import sys

from klasbrug_client import AuthenticatedClient, Client
from klasbrug_client.api.allowances import get_payout_csv, get_payout_sepa
from klasbrug_client.api.ambassadors import get_document, get_my_ambassador_profile, put_document
from klasbrug_client.api.auth import issue_client_token, login
from klasbrug_client.api.health import healthz
from klasbrug_client.api.lesson_series import search_library
from klasbrug_client.api.placements import get_placement, list_placements
from klasbrug_client.api.sponsorship import (
    get_employer_statement,
    get_employer_statement_csv,
    get_employer_statement_xlsx,
    list_employers,
)
from klasbrug_client.models import (
    AccessToken,
    ClientCredentialsRequest,
    DocumentInfo,
    DocumentKind,
    LoginRequest,
    PagePlacement,
    Placement,
    Problem,
    SponsorshipReport,
)
from klasbrug_client.types import File

BASE = sys.argv[1]
steps = []


def step(name, ok, detail=""):
    steps.append(name)
    if not ok:
        sys.exit(f"step {len(steps)} ({name}) failed: {detail}")
    print(f"  {len(steps):2}. {name}")


def person(email, password="klasbrug-demo"):
    anonymous = Client(base_url=BASE, raise_on_unexpected_status=True)
    session = login.sync(client=anonymous, body=LoginRequest(email=email, password=password))
    step(f"log in as {email}", hasattr(session, "access_token"), session)
    return AuthenticatedClient(base_url=BASE, token=session.access_token, raise_on_unexpected_status=True)


anonymous = Client(base_url=BASE, raise_on_unexpected_status=True)
step("the server is up, without a token", healthz.sync_detailed(client=anonymous).status_code == 200)

# The partner: a token by client credentials, then what its scopes open.
token = issue_client_token.sync(
    client=anonymous,
    body=ClientCredentialsRequest(
        grant_type="client_credentials", client_id="demo-partner", client_secret="demo-partner-secret"
    ),
)
step("partner token (client credentials)", isinstance(token, AccessToken), token)
partner = AuthenticatedClient(base_url=BASE, token=token.access_token, raise_on_unexpected_status=True)
page = list_placements.sync(client=partner, limit=2)
step("open placements, a page", isinstance(page, PagePlacement) and len(page.items) > 0, page)
step("page items are Placement models", all(isinstance(p, Placement) for p in page.items), page.items)
placement = get_placement.sync(page.items[0].id, client=partner)
step("one placement", isinstance(placement, Placement) and placement.id == page.items[0].id, placement)
library = search_library.sync_detailed(client=partner, objective=1, limit=5)
step("the lesson-series library by objective", library.status_code == 200 and library.parsed is not None, library)

# An ambassador hands in a document and gets the same bytes back.
noah = person("noah@ambassadeur.example")
me = get_my_ambassador_profile.sync(client=noah)
pdf = b"%PDF-1.7\n1 0 obj << >> endobj\n"
stored = put_document.sync(me.id, DocumentKind.CV, client=noah, body=File(payload=io.BytesIO(pdf), mime_type="application/pdf"))
step("upload a CV as bytes", isinstance(stored, DocumentInfo), stored)
back = get_document.sync(me.id, DocumentKind.CV, client=noah)
step("download it as bytes", isinstance(back, File) and back.payload.read() == pdf, back)

# The employer's statement, as JSON, CSV and XLSX.
hr = person("hr@hoogland.example")
employers = list_employers.sync(client=hr)
step("the employer's own organisation", isinstance(employers, list) and len(employers) == 1, employers)
period = dict(from_=datetime.date(2026, 9, 1), to=datetime.date(2026, 12, 31))
statement = get_employer_statement.sync_detailed(employers[0].id, client=hr, **period)
step("statement as JSON", statement.status_code == 200, statement.status_code)
step("statement parses into SponsorshipReport", isinstance(statement.parsed, SponsorshipReport), statement.parsed)
csv = get_employer_statement_csv.sync_detailed(employers[0].id, client=hr, **period)
step("statement as CSV", csv.status_code == 200 and "Werkgever" in csv.content.decode("utf-8-sig"), csv.status_code)
xlsx = get_employer_statement_xlsx.sync(employers[0].id, client=hr, **period)
step("statement as XLSX bytes", isinstance(xlsx, File) and xlsx.payload.read().startswith(b"PK\x03\x04"), xlsx)

# Programme staff's payout files: generated with the file as text, or a problem.
admin = person("beheer@klasbrug.example")
step("payout.xml is read as text", "str" in str(get_payout_sepa.sync.__annotations__["return"]))
sepa = get_payout_sepa.sync("2026-10", client=admin)
step("payout.xml answers the file or a problem", isinstance(sepa, (str, Problem)), sepa)
payout_csv = get_payout_csv.sync_detailed("2026-10", client=admin)
step("payout.csv answers", payout_csv.status_code in (200, 409), payout_csv.status_code)

print(f"==> {len(steps)} of {len(steps)} steps through the generated client")
