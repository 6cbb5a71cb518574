#!/usr/bin/env bash
# aggregate: three data files, one JSON export (another clinic, one answer
# changed) and one broken file give the counts per item (read back with
# Python's csv module), the broken file listed and skipped (exit 0), no
# clinic name or path without --names and both with it, the PDF read back,
# and exit 1 when no file can be read.
source "$(dirname "$0")/../lib/e2e.sh"

for i in 1 2 3; do make_db "$WORK/c$i.db"; done
"$BIN" --db "$WORK/c1.db" export -o "$WORK/c1.json" >/dev/null || fail "export"
python3 - "$WORK/c1.json" "$WORK/hikari.json" <<'PY' || fail "edit the export"
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
d["facility"]["name"] = "ひかり診療所"
for y in d["years"]:
    for a in y["answers"]:
        if a["item"] == "security-officer":
            a["value"] = "yes"
            a.pop("target", None)
json.dump(d, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
PY
printf 'not a clinic\n' > "$WORK/broken.db"
files=("$WORK/c1.db" "$WORK/c2.db" "$WORK/c3.db" "$WORK/hikari.json" "$WORK/broken.db")

# ---- without --names
out=$("$BIN" aggregate -o "$WORK/out" "${files[@]}" 2>"$WORK/err"); rc=$?
check "aggregate exits 0 with one file skipped" test $rc = 0
echo "$out" | grep -qF "5件のファイルのうち4件を集計しました（読めなかったファイル: 1件）" || fail "summary line: $out"
grep -qF "broken.db を読み飛ばしました" "$WORK/err" || fail "stderr does not name the skipped file: $(cat "$WORK/err")"
for f in items gaps devices vendors hoshu files; do
  check "$f.csv written" test -f "$WORK/out/$f.csv"
done
check "aggregate.pdf written" test -f "$WORK/out/aggregate.pdf"
python3 - "$WORK/out" <<'PY' || fail "the CSV counts"
import csv, sys, os
d = sys.argv[1]
def rows(name):
    raw = open(os.path.join(d, name), "rb").read()
    assert raw.startswith(b"\xef\xbb\xbf"), name + ": no BOM"
    assert b"\r\n" in raw, name + ": no CRLF"
    return list(csv.reader(open(os.path.join(d, name), encoding="utf-8-sig", newline="")))
items = rows("items.csv")
assert items[0] == ["版", "番号", "項目", "はい", "いいえ", "わからない", "該当なし", "未回答"], items[0]
one = [r for r in items if r[1] == "1-①"]
assert len(one) == 1 and one[0][3:] == ["1", "3", "0", "0", "0"], one
for r in items[1:]:
    assert sum(int(x) for x in r[3:]) == 4, r
dev = rows("devices.csv")
assert len(dev) == 2 and dev[1][2] == "6.0.4" and dev[1][3:] == ["4", "4"], dev
ven = rows("vendors.csv")
assert len(ven) == 11 and all(r[1] == "4" for r in ven[1:]), ven
hoshu = rows("hoshu.csv")
assert sum(int(r[1]) for r in hoshu[1:]) == 4, hoshu
files = rows("files.csv")
assert len(files) == 2 and files[1][0] == "5" and "ファイル 5" in files[1][1], files
gaps = rows("gaps.csv")
assert not any(r[1] == "1-①" and r[3] != "3" for r in gaps[1:]), gaps
PY
for f in "$WORK"/out/*.csv; do
  grep -qE "みどりの森|ひかり|broken|$WORK" "$f" && fail "$(basename "$f") names a clinic or a file without --names"
done
pdftotext -layout "$WORK/out/aggregate.pdf" "$WORK/out.txt"
grep -qF "複数の施設の点検結果の集計" "$WORK/out.txt" || fail "PDF title"
grep -qF "読み込んだファイル: 4件" "$WORK/out.txt" || fail "PDF counts"
grep -qF "未対応が多い項目" "$WORK/out.txt" || fail "PDF gaps"
grep -qF "6.0.4" "$WORK/out.txt" || fail "PDF devices"
grep -qE "みどりの森|ひかり|broken" "$WORK/out.txt" && fail "the PDF names a clinic without --names"

# ---- with --names: names and paths in files.csv and the PDF
"$BIN" aggregate --names -o "$WORK/named" "${files[@]}" >/dev/null 2>&1 || fail "aggregate --names"
grep -qF "ひかり診療所" "$WORK/named/files.csv" || fail "--names: no clinic name in files.csv"
grep -qF "$WORK/broken.db" "$WORK/named/files.csv" || fail "--names: no path of the skipped file"
pdftotext -layout "$WORK/named/aggregate.pdf" "$WORK/named.txt"
grep -qF "broken.db" "$WORK/named.txt" || fail "--names: the PDF does not name the skipped file"

# ---- an export with an error: the reader's reason, without the import's
# "nothing was imported" tail (nothing is imported by aggregate)
python3 - "$WORK/c1.json" "$WORK/extra.json" <<'PY' || fail "make extra.json"
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
d["facility"]["colour"] = "blue"
json.dump(d, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
PY
printf '{"format": "iryosec-export", ' > "$WORK/cut.json"
"$BIN" aggregate --names -o "$WORK/badjson" "$WORK/c1.db" "$WORK/extra.json" \
  "$WORK/cut.json" >/dev/null 2>"$WORK/err"; rc=$?
check "bad exports are skipped (exit 0)" test $rc = 0
grep -qF "「facility.colour」の欄: iryosec の知らない欄です。" "$WORK/err" || fail "no field in the reason: $(cat "$WORK/err")"
grep -qF "JSON の書き方が正しくありません" "$WORK/err" || fail "no JSON reason: $(cat "$WORK/err")"
grep -qF "取り込んでいません" "$WORK/err" && fail "aggregate's reason has the import's tail: $(cat "$WORK/err")"
grep -qF "取り込んでいません" "$WORK/badjson/files.csv" && fail "files.csv has the import's tail"
grep -qF "「facility.colour」の欄" "$WORK/badjson/files.csv" || fail "files.csv lacks the reason"

# ---- several files read at once (docs/aggregate.md, "Speed"): the same
# outputs, messages and order with one reader as with four. Twelve exports
# of different clinics (names, one answer each way, a device version)
# among the data files and the unreadable ones, so a file counted out of
# turn or twice shows in files.csv, the counts or the order of stderr.
python3 - "$WORK/c1.json" "$WORK" <<'PY' || fail "make the varied exports"
import json, sys, copy
base = json.load(open(sys.argv[1], encoding="utf-8"))
for i in range(12):
    d = copy.deepcopy(base)
    d["facility"]["name"] = "医院%02d" % i
    for y in d["years"]:
        a = y["answers"][i % len(y["answers"])]
        if a.get("value") in ("no", "unknown") and i % 2 == 0:
            a["value"] = "yes"
            a.pop("target", None)
    for c in d.get("connections", []):
        if i % 3 == 0 and "version" in c:
            c["version"] = "7.6.6"
    json.dump(d, open("%s/v%02d.json" % (sys.argv[2], i), "w", encoding="utf-8"),
              ensure_ascii=False)
PY
many=()
for i in 00 01 02 03 04 05 06 07 08 09 10 11; do
  many+=("$WORK/v$i.json")
  case $i in
    01) many+=("$WORK/c2.db" "$WORK/broken.db") ;;
    04) many+=("$WORK/nothing-here.db" "$WORK/c3.db") ;;
    07) many+=("$WORK/extra.json" "$WORK/c1.db") ;;
    09) many+=("$WORK/cut.json" "$WORK") ;;
  esac
done
for r in 1 4; do
  for n in plain names; do
    opt=(); [ $n = names ] && opt=(--names)
    IRYOSEC_AGG_READERS=$r "$BIN" aggregate "${opt[@]}" -o "$WORK/r$r-$n" "${many[@]}" \
      >"$WORK/r$r-$n.out" 2>"$WORK/r$r-$n.err" || fail "aggregate with $r readers ($n)"
    pdftotext -layout "$WORK/r$r-$n/aggregate.pdf" "$WORK/r$r-$n.txt"
  done
done
for n in plain names; do
  for f in items gaps devices vendors hoshu files; do
    cmp -s "$WORK/r1-$n/$f.csv" "$WORK/r4-$n/$f.csv" || fail "$f.csv ($n) differs with 4 readers"
  done
  sed -i "s#$WORK/r[14]-#DIR-#" "$WORK/r1-$n.out" "$WORK/r4-$n.out"
  for f in out err txt; do
    cmp -s "$WORK/r1-$n.$f" "$WORK/r4-$n.$f" || fail "the $f ($n) differs with 4 readers: $(diff "$WORK/r1-$n.$f" "$WORK/r4-$n.$f" | head -5)"
  done
done
grep -qF "20件のファイルのうち15件を集計しました（読めなかったファイル: 5件）" "$WORK/r4-plain.out" || fail "four readers: $(cat "$WORK/r4-plain.out")"
python3 - "$WORK/r4-names/files.csv" "${many[@]}" <<'PY' || fail "files.csv is not in the order given"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))[1:]
assert [r[0] for r in rows] == [str(i) for i in range(1, 21)], [r[0] for r in rows]
assert [r[1] for r in rows] == sys.argv[2:], [r[1] for r in rows]
named = [r[2] for r in rows if r[2].startswith("医院")]
assert named == ["医院%02d" % i for i in range(12)], named
PY
# data files only, the first four read at the same moment (each checks
# its schema against the one the others may be saving)
dbs=("$WORK/c1.db" "$WORK/c2.db" "$WORK/c3.db" "$WORK/c1.db" "$WORK/c2.db" "$WORK/c3.db" "$WORK/c1.db")
for r in 1 4; do
  IRYOSEC_AGG_READERS=$r "$BIN" aggregate --names -o "$WORK/d$r" "${dbs[@]}" >/dev/null 2>&1 ||
    fail "data files with $r readers"
done
for f in items gaps devices vendors hoshu files; do
  cmp -s "$WORK/d1/$f.csv" "$WORK/d4/$f.csv" || fail "$f.csv of the data files differs with 4 readers"
done
# the skipped files on stderr, in the order given
grep -o '[^ /]*\(\.db\|\.json\|iry-e2e\.[A-Za-z0-9]*\) を読み飛ばしました' "$WORK/r4-plain.err" | sed 's/ を.*//' | tr '\n' ' ' >"$WORK/order"
[ "$(cat "$WORK/order")" = "broken.db nothing-here.db extra.json cut.json $(basename "$WORK") " ] || fail "stderr order: $(cat "$WORK/order")"

# ---- nothing readable: exit 1, nothing written; a link as the folder
"$BIN" aggregate -o "$WORK/none" "$WORK/broken.db" >/dev/null 2>&1; rc=$?
check "no file readable exits 1" test $rc = 1
check "nothing written then" test ! -e "$WORK/none"
ln -s "$WORK/out" "$WORK/link"
"$BIN" aggregate -o "$WORK/link" "$WORK/c1.db" >/dev/null 2>"$WORK/err"; rc=$?
check "a link as the folder is refused" test $rc = 1
"$BIN" aggregate "$WORK/c1.db" >/dev/null 2>&1; rc=$?
check "no -o is wrong usage" test $rc = 2
finish
