#!/usr/bin/env bash
# Files the report writes are a place to attack: a link planted where the
# old temporary file went, a FIFO, a device or a link as the output, two
# reports to one name at once, a name at the file system's limit, a report
# killed half-way. Nothing outside the PDF itself is ever changed.
source "$(dirname "$0")/../lib/e2e.sh"

D=$WORK/out
mkdir -p "$D"
make_db "$WORK/d.db"
report() { "$BIN" --db "$WORK/d.db" report -o "$@" 2>&1; }
sum() { sha256sum "$1" | cut -d' ' -f1; }
# only the PDF itself may be new in the folder
only() { test "$(ls -A "$D" | sort | tr '\n' ' ')" = "$1"; }

# a link planted at the name the report once used for its temporary file,
# and a user's own file of that name: neither is touched
printf 'keep me\n' > "$WORK/victim"
ln -s "$WORK/victim" "$D/r.pdf.tmp"
printf 'mine\n' > "$D/s.pdf.tmp"
vsum=$(sum "$WORK/victim")
out=$(report "$D/r.pdf"); rc=$?
check "report beside a planted link: exit 0" test $rc = 0 || echo "$out"
check "the link's target is unchanged" test "$(sum "$WORK/victim")" = "$vsum"
check "the link is still there" test -L "$D/r.pdf.tmp"
out=$(report "$D/s.pdf"); rc=$?
check "report beside the user's own file: exit 0" test $rc = 0
check "the user's file is kept" test "$(cat "$D/s.pdf.tmp")" = mine
check "the PDF is 0600" test "$(stat -c %a "$D/r.pdf")" = 600
pdfinfo "$D/r.pdf" >/dev/null 2>&1 || fail "r.pdf is not a valid PDF"
only "r.pdf r.pdf.tmp s.pdf s.pdf.tmp " || fail "stray files: $(ls -A "$D")"

# the output is a FIFO, a device, a link (to a FIFO, to a file, dangling)
# or a folder: refused with a message, nothing replaced or followed
mkfifo "$D/fifo"
ln -s "$D/fifo" "$D/to-fifo"
ln -s "$WORK/victim" "$D/to-file"
ln -s "$WORK/nothing" "$D/dangling"
mkdir "$D/folder"
for t in fifo to-fifo to-file dangling folder /dev/null; do
  case $t in /*) p=$t ;; *) p=$D/$t ;; esac
  out=$(timeout 20 "$BIN" --db "$WORK/d.db" report -o "$p" 2>&1); rc=$?
  check "report -o $t: exit 1 (not $rc)" test $rc = 1
  echo "$out" | grep -qF "保存できません" || fail "report -o $t: $out"
done
check "the FIFO is still a FIFO" test -p "$D/fifo"
check "the links are still links" test -L "$D/to-fifo" -a -L "$D/to-file" -a -L "$D/dangling"
check "/dev/null is still a device" test -c /dev/null
check "the linked file is unchanged" test "$(sum "$WORK/victim")" = "$vsum"
check "nothing made through the dangling link" test ! -e "$WORK/nothing"
check "nothing left in the folder" test -z "$(ls -A "$D/folder")"
rm -rf "$D"/fifo "$D"/to-fifo "$D"/to-file "$D"/dangling "$D"/folder

# two reports to one name at once, five times: each exits 0, and what is
# there at the end is one whole PDF, with no temporary file left
for i in 1 2 3 4 5; do
  report "$D/same.pdf" >"$WORK/a.out" & a=$!
  report "$D/same.pdf" >"$WORK/b.out" & b=$!
  wait $a; ra=$?; wait $b; rb=$?
  check "concurrent reports, round $i: both exit 0 ($ra $rb)" test "$ra$rb" = 00
  pdfinfo "$D/same.pdf" >/dev/null 2>&1 || fail "round $i: same.pdf is not a whole PDF"
done
only "r.pdf r.pdf.tmp s.pdf s.pdf.tmp same.pdf " || fail "stray files after concurrent reports: $(ls -A "$D")"

# a name of 255 bytes (the limit of a file name): the report still works
long=$(printf 'x%.0s' $(seq 1 251)).pdf
out=$(report "$D/$long"); rc=$?
check "a 255-byte name: exit 0" test $rc = 0 || echo "$out"
check "a 255-byte name: written" test -s "$D/$long"
rm -f "$D/$long"

# a damaged font (cut short, as by an interrupted copy) given with --font
# or IRYOSEC_FONT: a clear message, no crash, no PDF
head -c 300000 /usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf > "$WORK/cut.ttf"
out=$("$BIN" --db "$WORK/d.db" --font "$WORK/cut.ttf" report -o "$D/f.pdf" 2>&1); rc=$?
check "--font damaged: exit 1 (not $rc)" test $rc = 1
echo "$out" | grep -qF "壊れているか" || fail "--font damaged: $out"
out=$(IRYOSEC_FONT=$WORK/cut.ttf "$BIN" --db "$WORK/d.db" report -o "$D/f.pdf" 2>&1); rc=$?
check "IRYOSEC_FONT damaged: exit 1 (not $rc)" test $rc = 1
echo "$out" | grep -qF "$WORK/cut.ttf" || fail "IRYOSEC_FONT damaged: $out"
check "no PDF with a damaged font" test ! -e "$D/f.pdf"

# a facility name of 40,000 characters (a file edited by hand): the report
# is still made (libharu refused a document property over 64 KB)
cp "$WORK/d.db" "$WORK/long.db"
sqlite3 "$WORK/long.db" "UPDATE facility SET name = (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 8000) SELECT group_concat('長い施設名', '') FROM c)"
out=$("$BIN" --db "$WORK/long.db" report -o "$D/long.pdf" --only summary 2>&1); rc=$?
check "a very long facility name: exit 0 (not $rc)" test $rc = 0 || echo "$out"
pdfinfo "$D/long.pdf" 2>/dev/null | grep -qF "長い施設名…" || fail "the long name is not cut in the PDF's properties"
rm -f "$D/long.pdf"

# a report killed half-way leaves its temporary file; the next report
# removes it once it is old (never a young one: it may be another run's)
touch -d '1 hour ago' "$D/.iryosec-report-AAAAAA"
touch "$D/.iryosec-report-BBBBBB"
report "$D/r.pdf" >/dev/null || fail "report after a killed one"
check "an old leftover is removed" test ! -e "$D/.iryosec-report-AAAAAA"
check "a young one is kept" test -e "$D/.iryosec-report-BBBBBB"
rm -f "$D/.iryosec-report-BBBBBB"
finish
