#!/usr/bin/env bash
# export and import: the JSON round trip (export, import into a new file,
# export again: the same bytes), the file checked against
# docs/export-schema.json, the CSV read back with Python's csv module, the
# question before an import (y, n, no terminal), a bad file and a newer
# file changing nothing, an edition the program lacks kept, the wizard's
# lock, and outputs that must not be written through.
source "$(dirname "$0")/../lib/e2e.sh"

# Debian's python3 with python3-jsonschema (scripts/deps.sh --test), or
# the one first on PATH if it has jsonschema too
py=""
for p in /usr/bin/python3 "$(command -v python3)"; do
  [ -x "$p" ] && "$p" -c 'import jsonschema' 2>/dev/null && { py=$p; break; }
done
[ -n "$py" ] || { fail "no python3 with jsonschema (scripts/deps.sh --test installs python3-jsonschema)"; finish; }
A=$WORK/a.db
make_db "$A"
x() { "$BIN" --db "$@"; }

# ---- export: JSON, the same bytes every time, 0600, the path printed
out=$(cd "$WORK" && x "$A" export 2>&1); rc=$?
check "export exits 0" test $rc = 0
echo "$out" | grep -qF "すべてのデータをJSONに書き出しました: iryosec-20261125.json" || fail "export: $out"
check "the default name" test -f "$WORK/iryosec-20261125.json"
check "the export is 0600" test "$(stat -c %a "$WORK/iryosec-20261125.json")" = 600
x "$A" export -o "$WORK/a.json" >/dev/null || fail "export -o"
check "two exports are the same bytes" cmp -s "$WORK/a.json" "$WORK/iryosec-20261125.json"
x "$A" export -o - > "$WORK/stdout.json" || fail "export -o -"
check "-o - writes the same to the screen" cmp -s "$WORK/a.json" "$WORK/stdout.json"

# ---- the file follows docs/export-schema.json
validate() {
  "$py" - "$SRC/docs/export-schema.json" "$1" <<'EOF'
import json, sys
import jsonschema
schema = json.load(open(sys.argv[1], encoding="utf-8"))
data = json.load(open(sys.argv[2], encoding="utf-8"))
cls = jsonschema.validators.validator_for(schema)
cls.check_schema(schema)
errors = sorted(cls(schema).iter_errors(data), key=lambda e: list(e.path))
for e in errors[:5]:
    print("schema:", "/".join(map(str, e.path)), e.message)
sys.exit(1 if errors else 0)
EOF
}
check "a.json follows the schema" validate "$WORK/a.json"
# and the schema is not a formality: a stray member breaks it
"$py" -c 'import json,sys; d=json.load(open(sys.argv[1])); d["years"][0]["answers"][0]["colour"]="red"; json.dump(d,open(sys.argv[2],"w"),ensure_ascii=False,indent=2)' "$WORK/a.json" "$WORK/stray.json"
validate "$WORK/stray.json" >/dev/null && fail "the schema accepts an unknown member"

# ---- import into a new file, export again: byte-identical
out=$(x "$WORK/b.db" import --yes "$WORK/a.json" 2>&1); rc=$?
check "import into a new file exits 0" test $rc = 0 || echo "$out"
echo "$out" | grep -qF "新しいデータファイル $WORK/b.db に取り込みます" || fail "import, new: $out"
echo "$out" | grep -qF "新しいデータファイルを作成しました: $WORK/b.db" || fail "import does not say the file is new: $out"
echo "$out" | grep -qF "事業者: 追加 10件、変更 0件、変更なし 0件" || fail "import summary: $out"
echo "$out" | grep -qF "取り込みました" || fail "import: $out"
check "the new data file is 0600" test "$(stat -c %a "$WORK/b.db")" = 600
x "$WORK/b.db" export -o "$WORK/b.json" >/dev/null || fail "export b"
check "export, import, export: the same bytes" cmp "$WORK/a.json" "$WORK/b.json"
# the data is really there: status reads the imported file
# (all but the line that names the data file)
x "$WORK/b.db" status 2>&1 | grep -v '^データファイル: ' > "$WORK/status-b" || fail "status on the imported file"
x "$A" status 2>&1 | grep -v '^データファイル: ' > "$WORK/status-a"
check "status of the copy is the status of the original" cmp -s "$WORK/status-a" "$WORK/status-b"
out=$(x "$WORK/b.db" import --yes "$WORK/a.json" 2>&1); rc=$?
check "a second import exits 0" test $rc = 0
echo "$out" | grep -qF "変更はありません" || fail "second import: $out"

# ---- asking: no terminal and no --yes is wrong usage, nothing made
out=$(x "$WORK/c.db" import "$WORK/a.json" </dev/null 2>&1); rc=$?
check "import without a terminal and --yes exits 2" test $rc = 2
echo "$out" | grep -qF -- "--yes" || fail "no hint to add --yes: $out"
check "nothing made without --yes" test ! -e "$WORK/c.db"
# n keeps everything as it was (no file is made); y imports
start_app -- --db "$WORK/c.db" import "$WORK/a.json"
wait_for "取り込みますか？ [y/N]"
wait_for "事業者: 追加 10件"
typ n; keys Enter
check "n exits 1" test "$(wait_exit)" = 1
wait_for "取り込みをやめました"
check "n made no data file" test ! -e "$WORK/c.db"
start_app -- --db "$WORK/c.db" import "$WORK/a.json"
wait_for "取り込みますか？ [y/N]"
typ y; keys Enter
check "y exits 0" test "$(wait_exit)" = 0
wait_for "取り込みました"
x "$WORK/c.db" export -o "$WORK/c.json" >/dev/null
check "the answered import holds the same data" cmp -s "$WORK/a.json" "$WORK/c.json"
stop_server

# ---- another facility's export into a data file: said with both names
# before anything is asked or written; not said for the clinic's own file
"$py" - "$WORK/a.json" "$WORK/other.json" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
d["facility"]["name"] = "ほかの医院"
json.dump(d, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
EOF
cp "$WORK/c.db" "$WORK/c2.db"
own=$(sqlite3 "$WORK/c.db" "SELECT name FROM facility")
out=$(x "$WORK/c2.db" import --yes "$WORK/other.json" 2>&1) || fail "import of another facility's file: $out"
echo "$out" | grep -qF "注意: このデータファイルは「$own」のもの、取り込むファイルは「ほかの医院」のものです。" ||
  fail "no warning for another facility's file: $out"
out=$(x "$WORK/c.db" import --yes "$WORK/a.json" 2>&1) || fail "import of the own file again: $out"
echo "$out" | grep -qF "注意:" && fail "a warning for the clinic's own file: $out"

# ---- a bad file: the line and the field, nothing changed
"$py" - "$WORK/a.json" "$WORK/bad.json" <<'EOF'
import sys
t = open(sys.argv[1], encoding="utf-8").read()
i = t.index('"target": "2027-')
t = t[:i] + '"target": "2027-04-06"' + t[i + len('"target": "2027-03-06"'):]
open(sys.argv[2], "w", encoding="utf-8").write(t)
EOF
line=$(grep -n '"target": "2027-04-06"' "$WORK/bad.json" | head -1 | cut -d: -f1)
out=$(x "$WORK/b.db" import --yes "$WORK/bad.json" 2>&1); rc=$?
check "a bad file exits 1" test $rc = 1
echo "$out" | grep -qF "「$WORK/bad.json」の $line 行目、「years[0].answers[" || fail "bad file, line $line: $out"
echo "$out" | grep -qF "].target」の欄: " || fail "bad file, field: $out"
echo "$out" | grep -qF "（何も取り込んでいません）" || fail "bad file: $out"
x "$WORK/b.db" export -o "$WORK/b2.json" >/dev/null
check "a bad file changed nothing" cmp -s "$WORK/a.json" "$WORK/b2.json"
out=$(x "$WORK/new.db" import --yes "$WORK/bad.json" 2>&1); rc=$?
check "a bad file into a new data file exits 1" test $rc = 1
check "a bad file makes no data file" test ! -e "$WORK/new.db"
printf '{"format": "iryosec-export", "version": 1,\n "years": [\n' > "$WORK/cut.json"
out=$(x "$WORK/b.db" import --yes "$WORK/cut.json" 2>&1); rc=$?
check "a cut file exits 1" test $rc = 1
echo "$out" | grep -qF "JSON の書き方が正しくありません" || fail "cut file: $out"

# ---- a file from a newer iryosec is refused
sed 's/^  "version": 1,$/  "version": 2,/' "$WORK/a.json" > "$WORK/newer.json"
out=$(x "$WORK/b.db" import --yes "$WORK/newer.json" 2>&1); rc=$?
check "a newer file exits 1" test $rc = 1
echo "$out" | grep -qF "新しい版の iryosec で書き出されたファイルです（形式 2" || fail "newer file: $out"

# ---- an edition this iryosec lacks: kept and reported; memos that look
# like formulas for the CSV below
"$py" - "$WORK/a.json" "$WORK/r9.json" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
y = [y for y in d["years"] if y["year"] == 2026][0]
y["answers"][0]["memo"] = "=1+2"
y["answers"][1]["memo"] = "@SUM(A1), \"引用\""
d["years"].append({"year": 2027, "edition": "r9", "answers": [
    {"item": "ai-governance", "cell": "all", "value": "no", "target": "2028-01-31"}]})
json.dump(d, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False, indent=2)
EOF
out=$(x "$WORK/b.db" import --yes "$WORK/r9.json" 2>&1); rc=$?
check "an unknown edition is imported" test $rc = 0 || echo "$out"
echo "$out" | grep -qF "令和9年度: 版「r9」はこの iryosec にありません。その回答 1件はそのまま保存します" || fail "unknown edition not reported: $out"
echo "$out" | grep -qF "チェックリストの回答: 追加 1件、変更 2件" || fail "r9 summary: $out"
check "the r9 answer is in the data file" test "$(sqlite3 "$WORK/b.db" "SELECT value FROM answer WHERE year = 2027 AND item_id = 'ai-governance'")" = no
x "$WORK/b.db" export -o "$WORK/r9-out.json" >/dev/null
grep -qF '"item": "ai-governance"' "$WORK/r9-out.json" || fail "the r9 answer is not exported again"
check "the export with r9 follows the schema" validate "$WORK/r9-out.json"

# ---- CSV: BOM, CRLF, one row per item and cell, formulas neutralised
x "$WORK/b.db" export --format csv -o "$WORK/t.csv" >/dev/null || fail "export csv"
"$py" - "$WORK/t.csv" <<'EOF' || fail "the CSV is not as Excel needs it"
import csv, sys
raw = open(sys.argv[1], "rb").read()
assert raw.startswith(b"\xef\xbb\xbf"), "no BOM"
assert raw.endswith(b"\r\n"), "no CRLF at the end"
assert raw.count(b"\n") == raw.count(b"\r\n"), "a bare LF"
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
assert rows[0][:3] == ["区分", "番号", "項目"], rows[0]
assert all(len(r) == len(rows[0]) for r in rows), "ragged rows"
assert len(rows) == 23, len(rows)  # the header and 22 rows of R8
assert rows[1][1] == "―", rows[1]     # the gate row, first
cells = [c for r in rows for c in r]
assert "'=1+2" in cells, "a formula is not neutralised"
assert "'@SUM(A1), \"引用\"" in cells, "@ is not neutralised"
assert not any(c[:1] in "=+-@" and c for c in cells), "a cell starts like a formula"
assert any("確認中（株式会社テスト" in c for c in cells), "no vendor asked"
EOF
out=$(x "$WORK/b.db" export --format xml 2>&1); rc=$?
check "an unknown format exits 2" test $rc = 2

# ---- the wizard's lock: no import while it has the file open
start_app -- --db "$WORK/b.db"
wait_for "チェックリスト"
out=$(x "$WORK/b.db" import --yes "$WORK/a.json" 2>&1); rc=$?
check "import beside the wizard exits 1" test $rc = 1
echo "$out" | grep -qF "このデータは別の画面で使用中です" || fail "import beside the wizard: $out"
# export reads beside it
x "$WORK/b.db" export -o "$WORK/beside.json" >/dev/null || fail "export beside the wizard"
keys q
wait_exit >/dev/null
stop_server

# ---- outputs that must not be written through: a link, a folder; a
# missing data file is not made
printf 'keep me\n' > "$WORK/victim"
ln -s "$WORK/victim" "$WORK/link.json"
out=$(x "$A" export -o "$WORK/link.json" 2>&1); rc=$?
check "export to a link exits 1" test $rc = 1
check "the link's target is unchanged" test "$(cat "$WORK/victim")" = "keep me"
mkdir "$WORK/folder"
out=$(x "$A" export -o "$WORK/folder" 2>&1); rc=$?
check "export to a folder exits 1" test $rc = 1
out=$(x "$WORK/none.db" export -o "$WORK/none.json" 2>&1); rc=$?
check "export of a missing data file exits 1" test $rc = 1
check "no data file made by export" test ! -e "$WORK/none.db"
check "no export of a missing data file" test ! -e "$WORK/none.json"
check "no temporary file left" test -z "$(ls -A "$WORK" | grep '^\.iryosec-export-')"

finish
