#!/usr/bin/env bash
# The end-to-end path that exists so far: a fresh replica in a temporary data
# directory, realistic Danish field data, offline field work, the change log,
# and the embedded demo agreement as a verified, stored, diffable snapshot.
set -euo pipefail
econsync=${1:-.build/debug/econsync}
export ECONSYNC_HOME=$(mktemp -d)
trap 'rm -rf "$ECONSYNC_HOME"' EXIT
run() { echo; echo "\$ econsync $*"; "$econsync" "$@"; }

run init
run bench generate --seed 7 --customers 8 --products 12 --projects 6 --hours 20 --materials 4
run local customer list
run local project list
seq=$("$econsync" local changes --json | grep -c '"seq"')
run local customer add --name "Sørensen Tømrer ApS" --cvr 13748136 --city Vejle --zip 7100
echo; echo "# a CVR number that fails the modulus-11 check is refused, and nothing is written:"
run local customer add --name "Forkert CVR ApS" --cvr 13748137 || true
run local hours record --employee 1 --project n:2 --type 1 --date 2026-11-28 --hours 7.5 --note "Montage af radiatorer"
run local hours approve 21 --by "Formand Jens"
echo; echo "# an approved entry cannot be edited until it is un-approved:"
run local hours edit 21 --hours 8 || true
run local hours list --status approved --from 2026-11-20
run local changes --since "$seq"
run local unsynced

echo; echo "# the embedded demo agreement (Snapshots/): verified, stored, compared"
run snapshot verify Snapshots/demo-agreement.ndjson.gz
run snapshot stats Snapshots/demo-agreement.ndjson.gz
run snapshot import Snapshots/demo-agreement.ndjson.gz
run snapshot show Snapshots/demo-agreement.ndjson.gz --kind customer --key 1001
zcat Snapshots/demo-agreement.ndjson.gz | sed 's/"Kolding"/"Vejle"/' | grep '"kind"' > "$ECONSYNC_HOME/edited.ndjson"
run snapshot pack "$ECONSYNC_HOME/edited.ndjson" --header-from Snapshots/demo-agreement.ndjson.gz \
    --taken-at 2026-11-02T06:00:00Z --out "$ECONSYNC_HOME/edited.ndjson.gz"
run snapshot import "$ECONSYNC_HOME/edited.ndjson.gz"
run snapshot diff Snapshots/demo-agreement.ndjson.gz "$ECONSYNC_HOME/edited.ndjson.gz" --kind customer
run snapshot list

echo; echo "# e-conomic itself cannot be reached from here: the emulator stands in for it, on loopback"
"$econsync" emulator --port 0 > "$ECONSYNC_HOME/emulator.out" 2>&1 &
emulator=$!
trap 'kill $emulator 2>/dev/null; rm -rf "$ECONSYNC_HOME"' EXIT
for _ in $(seq 50); do grep -q listening "$ECONSYNC_HOME/emulator.out" && break; sleep 0.1; done
base=$(head -1 "$ECONSYNC_HOME/emulator.out" | sed 's/listening on //')
echo "(emulator: $base)"
echo emulator-grant | ECONSYNC_APP_SECRET_TOKEN=emulator-app-secret run connect --grant-token-stdin \
    --rest-url "$base" --projects-url "$base/projectsapi/v1.1.0"
run snapshot take
latest=$("$econsync" snapshot list --json | grep '"file"' | tail -1 | sed 's/.*: "\(.*\)".*/\1/')
echo; echo "# seeded from the embedded default, pulled back through the client: the same records"
run snapshot diff Snapshots/demo-agreement.ndjson.gz "$ECONSYNC_HOME/$latest" --kind customer --kind product --kind project
run disconnect

echo; echo "# reconcile: a second data directory, connected to the same emulator, starting empty"
field=$ECONSYNC_HOME
export ECONSYNC_HOME=$(mktemp -d)
trap 'kill $emulator 2>/dev/null; rm -rf "$ECONSYNC_HOME" "$field"' EXIT
run init
echo emulator-grant | ECONSYNC_APP_SECRET_TOKEN=emulator-app-secret run connect --grant-token-stdin \
    --rest-url "$base" --projects-url "$base/projectsapi/v1.1.0"
run reconcile --dry-run
run reconcile
echo; echo "# offline field work: a new product, approved and unapproved hours, a price edited while e-conomic changes the name"
run local product add --number KR-22 --name "Kobberrør 22 mm" --sales-price 64.5 --unit e:1 --group e:1
run local hours record --employee e:3 --project n:2 --type e:1 --date 2026-11-27 --hours 7.5 --note "Montage af radiatorer"
run local hours approve 1 --by "Formand Jens"
run local hours record --employee e:3 --project n:2 --type e:1 --date 2026-11-28 --hours 2 --note "Afventer godkendelse"
run local product edit n:10002 --sales-price 24.95 --name "PEX-rør 16 mm, rulle"
curl -s -X PUT "$base/_emulator/records/product/10002" -H 'Content-Type: application/json' \
    -d "$(curl -s "$base/_emulator/records/product/10002" | sed 's/^{"data"://; s/,"key":.*$//; s/"name":"[^"]*"/"name":"PEX-rør 16 mm (e-conomic)"/')" \
    > /dev/null
run settings set products.master mobilplan
run reconcile --plan-out "$ECONSYNC_HOME/plan.json"
run reconcile --apply "$ECONSYNC_HOME/plan.json"
run conflicts
run local hours list
echo; echo "# a second reconcile finds nothing left to do"
run reconcile
