#!/usr/bin/env bash
# One dossier from submission to result, against a running service (README "Walk-through").
# Needs curl and jq. Run from the repository root while `dotnet run --project src/OneStop` is up.
set -euo pipefail
BASE=${BASE:-http://localhost:5080}
token() { dotnet run --project src/OneStop --no-launch-profile -- token --officer "$1" --role "$2" --unit "$3" 2>/dev/null | tail -n 1; }
RECEPTION=$(token rc-01 reception MOTCUA)
HEAD=$(token uh-01 unit-head UBTCDLCL)
INSPECTOR=$(token in-01 inspector THANHTRA)
post() { curl -sS -X POST "$BASE$1" -H "Authorization: Bearer $2" -H 'Content-Type: application/json' \
  -H 'X-Correlation-ID: walkthrough-1' -d "$3"; echo; }

# 1. Find the procedure (no diacritics needed) and what it requires.
curl -sS "$BASE/api/procedures?search=dich%20vu%20chung%20nhan" | jq '.[] | {code, nameVi, timeLimit}'
curl -sS "$BASE/api/procedures/G06.TDC.02" | jq '.components[] | {id, nameEn, required}'

# 2. Submit at the counter with one component missing; the receipt shows the code and the secret once.
RECEIPT=$(post /api/dossiers "$RECEPTION" '{"procedureCode":"G06.TDC.02","channel":"Counter",
  "applicant":{"kind":"Enterprise","name":"Công ty TNHH Kiểm định An Phát","email":"lienhe@anphat.invalid"},
  "components":["C01","C02","C03","C04"]}')
echo "$RECEIPT" | jq .
ID=$(echo "$RECEIPT" | jq -r .id); CODE=$(echo "$RECEIPT" | jq -r .code); SECRET=$(echo "$RECEIPT" | jq -r .lookupSecret)

# 3. Reception refuses to receive an incomplete dossier (409, rule 1), so it asks for every missing item at once.
post "/api/dossiers/$ID/reception" "$RECEPTION" '{"version":1}' | jq '{status, rule, detail}'
post "/api/dossiers/$ID/supplement-requests" "$RECEPTION" '{"version":1,"missing":["C05"],"reason":"Thiếu quy định quản lý chứng chỉ"}'
post "/api/dossiers/$ID/supplements" "$RECEPTION" '{"version":2,"components":["C05"]}'

# 4. Receive: the clock starts and the appointment is set; hand over to the handling unit.
post "/api/dossiers/$ID/reception" "$RECEPTION" '{"version":3}'
post "/api/dossiers/$ID/handovers" "$RECEPTION" '{"version":4,"step":1,"unit":"UBTCDLCL"}'

# 5. The unit head decides and issues the result; reception returns it (the applicant was told first).
post "/api/dossiers/$ID/decision" "$HEAD" '{"version":5,"outcome":"approved","reason":"Đủ điều kiện"}'
post "/api/dossiers/$ID/result" "$HEAD" \
  "{\"version\":6,\"documentSha256\":\"$(printf 'certificate' | sha256sum | cut -d' ' -f1)\"}"
post "/api/dossiers/$ID/return" "$RECEPTION" '{"version":7,"method":"counter","applicantNotified":true}'

# 6. The officer view, the timeline, the raw events, and what the citizen sees with code and secret.
curl -sS "$BASE/api/dossiers/$ID" -H "Authorization: Bearer $RECEPTION" \
  | jq '{code, status, nationalStatusCode, appointment, finishedTimeliness, version}'
curl -sS "$BASE/api/dossiers/$ID/timeline" -H "Authorization: Bearer $RECEPTION" | jq -r '.entries[].text'
curl -sS "$BASE/api/dossiers/$ID/events" -H "Authorization: Bearer $INSPECTOR" | jq '.[-1] | {type, correlationId, headers}'
curl -sS -X POST "$BASE/api/track" -H 'Content-Type: application/json' \
  -d "{\"code\":\"$CODE\",\"secret\":\"$SECRET\"}" | jq '{status, appointment, timeline: [.timeline[].text]}'
