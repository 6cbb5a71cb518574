#!/usr/bin/env bash
# The Windows build under wine (docs/windows.md): the release zip unpacked
# into a folder with a Japanese name, used as a clinic would.
#  - the wizard starts in Japanese (TERM removed: curses' console driver);
#  - Japanese typed into a field is saved (our ncurses input patch);
#  - an answer survives killing the process, whose lock Windows releases;
#  - a second writer (import) meets 「使用中」 while the wizard runs;
#  - status, report and export work from cmd; the PDF embeds the font and
#    pdftotext reads it back; the Linux build reads the same data file to
#    the same status text.
# Also runs the unit tests built for Windows that are given (test_sys.exe,
# test_utf8.exe: the same tests/unit/*.c that ctest runs on Linux).
# Usage: t_wine.sh ZIP LINUX_BIN [TEST_EXE...], with WINEPREFIX set (the prefix
# scripts/windows/build.sh made; the test removes only iryosec's folder in
# it). Prints the times it measured (start, report) for docs/windows.md.
source "$(dirname "$0")/../lib/e2e.sh" "$1"
LINUX_BIN=$(readlink -f "$2")
: "${WINEPREFIX:?WINEPREFIX must name the wine prefix of scripts/windows/build.sh}"
export WINEPREFIX WINEDEBUG=-all
ZIP=$BIN
command -v wine >/dev/null || { echo "FAIL: wine is not installed"; exit 1; }

# the program's folder: a Japanese name, as a clinic's shared folder has
mkdir -p "$WORK/医院の共有"
(cd "$WORK/医院の共有" && unzip -q "$ZIP") || { echo "FAIL: unzip $ZIP"; exit 1; }
DIR=$(echo "$WORK"/医院の共有/iryosec-*-windows)
[ -f "$DIR/iryosec.exe" ] || { echo "FAIL: no iryosec.exe in the zip"; exit 1; }
for f in README.txt LICENSE.txt fonts/ipaexg.ttf fonts/IPAexfont-license.txt \
         locale/ja/LC_MESSAGES/iryosec.mo content/r8/edition.yaml; do
  check "the zip has $f" test -s "$DIR/$f"
done
check "README.txt starts with a BOM and uses CRLF" \
  test "$(head -c 3 "$DIR/README.txt" | od -An -tx1 | tr -d ' ')" = efbbbf -a \
       "$(head -1 "$DIR/README.txt" | tail -c 2 | od -An -tx1 | tr -d ' ')" = 0d0a

# %APPDATA% inside the prefix: where the wizard keeps its data file
appdata_w=$(cd "$DIR" && wine cmd /c echo %APPDATA% </dev/null | tr -d '\r')
APPDATA_U=$(winepath -u "$appdata_w" 2>/dev/null)
[ -n "$APPDATA_U" ] || { echo "FAIL: no %APPDATA% in the wine prefix"; exit 1; }
DB=$APPDATA_U/iryosec/iryosec.db
rm -rf "$APPDATA_U/iryosec"
trap 'cleanup; rm -rf "$APPDATA_U/iryosec"' EXIT

# Windows processes of this test: wine runs them as "iryosec.exe" with the
# test's environment (XDG_DATA_HOME is the test's own).
app_pids() {
  local pid
  for pid in $(pgrep -x iryosec.exe); do
    tr '\0' '\n' 2>/dev/null < "/proc/$pid/environ" | grep -qxF "XDG_DATA_HOME=$XDG_DATA_HOME" &&
      echo "$pid"
  done
}
app_pid() { app_pids | head -1; }
# Wine's console on a Unix terminal counts one column per cell: our ncurses
# patch gives the second cell of a double-width character a zero-width
# space there (docs/windows.md); the screen is read without them.
screen() { tm capture-pane -t s: -p -J | sed 's/\xe2\x80\x8b//g'; }
# start_app [iryosec args]: the wizard from its folder, TERM unset as on
# Windows (the program would also remove it itself)
start_app() {
  stop_server
  rm -f "$WORK/exit"
  tm -f /dev/null new-session -d -s s -x 80 -y 24 \
    "cd '$DIR' && env -u TERM IRYOSEC_TODAY=$IRYOSEC_TODAY wine iryosec.exe $*; echo \$? > $WORK/exit; sleep 600"
}
# ms_since T0: milliseconds since T0 (date +%s%N), as seconds with 2 decimals
ms_since() {
  local ms=$(( ($(date +%s%N) - $1) / 1000000 ))
  printf '%d.%02d' $((ms / 1000)) $((ms % 1000 / 10))
}
# wexe ARGS...: iryosec.exe from cmd in the program's folder; output in
# $WORK/out (standard output and error together), exit code returned
wexe() {
  (cd "$DIR" && wine cmd /c "iryosec.exe $*" </dev/null >"$WORK/out" 2>&1)
}

for t in "${@:3}"; do
  name=$(basename "$t" .exe)
  mkdir -p "$WORK/単体"
  out=$(wine "$(readlink -f "$t")" "$(winepath -w "$WORK/単体")" </dev/null 2>&1 | tr -d '\r')
  echo "$out" | grep -q "^$name: [0-9]* passed, 0 failed\$" || fail "$name.exe under wine: $out"
done

t0=$(date +%s%N)
start_app
wait_for "初回設定" 60
t_start=$(ms_since "$t0")
no_english
typ "みどり内科"; keys Enter
wait_db "SELECT name FROM facility" "みどり内科"
wait_for "施設の種類"
keys Right Right Right
wait_for "無床診療所"
keys Down; typ "山田太郎"; keys Enter
wait_db "SELECT manager FROM facility" "山田太郎"
typ "山田花子"; keys Enter
typ "鈴木一郎"; keys Enter
typ "中央保健所"; keys Enter
keys Down Down Down
wait_for "保存して始める"
keys Enter
wait_for "回答の保存先"
check "the data file is under %APPDATA%\\iryosec" test -s "$DB"
keys Enter
wait_for "医療情報システムを導入、運用している。"
keys 1
wait_for "保存しました"
wait_db "SELECT count(*) FROM answer" 1

# another writer while the wizard runs: import takes the same lock (the
# export to import is read beside the wizard, without a lock)
"$LINUX_BIN" --db "$DB" export -o "$WORK/x.json" >/dev/null 2>&1 ||
  fail "the Linux build cannot export the Windows data file beside the wizard"
wexe import --yes "$(winepath -w "$WORK/x.json")"
check "import beside the wizard: in use (exit 1)" test $? = 1
grep -qF "別の画面で使用中" "$WORK/out" || fail "import beside the wizard: $(cat "$WORK/out")"

# kill -9: the answer is kept, and Windows releases the lock
kill_app
start_app
wait_for "回答 1/22" 60
# the wizard proposes the PDF in the user's Documents folder (then ended
# by a kill: wine 8's console, reading a Unix terminal, did not hand Esc on
# to the program here, so the screen cannot be left with it under wine)
keys 7
wait_for "\\Documents\\iryosec-2026-20261125.pdf"
kill_app
start_app
wait_for "回答 1/22" 60
keys q
check "exit code 0 after q" test "$(wait_exit)" = 0

# from cmd: status, report, export
wexe status; rc=$?
check "status exit 0" test $rc = 0
grep -qF "施設: みどり内科（無床診療所）" "$WORK/out" || fail "status: $(head -5 "$WORK/out")"
grep -qF "回答済み: 1 / 22 項目" "$WORK/out" || fail "status: $(head -5 "$WORK/out")"
"$LINUX_BIN" --db "$DB" status > "$WORK/lin-status" 2>&1
# the same text but for the last line, the data file's path
check "the Linux build gives the same status for the same file" \
  cmp -s <(grep -v '^データファイル: ' "$WORK/out") <(grep -v '^データファイル: ' "$WORK/lin-status")
grep -qF "データファイル: $appdata_w\\iryosec\\iryosec.db" "$WORK/out" ||
  fail "status does not name the data file under %APPDATA%: $(tail -1 "$WORK/out")"

t0=$(date +%s%N)
wexe report -o レポート.pdf; rc=$?
t_report=$(ms_since "$t0")
check "report exit 0" test $rc = 0
grep -qF "PDFを作成しました" "$WORK/out" || fail "report: $(cat "$WORK/out")"
PDF=$DIR/レポート.pdf
check "the PDF was written" test -s "$PDF"
pdffonts "$PDF" 2>/dev/null | grep -E 'IPAexGothic +CID TrueType +Identity-H +yes +yes +yes' >/dev/null ||
  fail "the font is not embedded: $(pdffonts "$PDF" 2>&1)"
txt=$(pdftotext "$PDF" - | tr -d ' \n')
case $txt in *みどり内科*) ;; *) fail "pdftotext does not read the facility back" ;; esac
case $txt in *医療情報システムを導入、運用している。*) ;; *) fail "pdftotext does not read an item back" ;; esac
t0=$(date +%s%N)
"$LINUX_BIN" --db "$DB" report -o "$WORK/lin.pdf" >/dev/null 2>&1
t_report_lin=$(ms_since "$t0")

wexe export -o 控え.json; rc=$?
check "export exit 0" test $rc = 0
check "the export is JSON with the facility" \
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1], encoding="utf-8")); assert "みどり内科" in json.dumps(d, ensure_ascii=False)' "$DIR/控え.json"
"$LINUX_BIN" --db "$DB" export -o "$WORK/lin.json" >/dev/null 2>&1
check "export: the same bytes as the Linux build's" cmp -s "$DIR/控え.json" "$WORK/lin.json"

# Japanese names on the command line (argv from the UTF-16 command line):
# the export into a new data file in a folder of its own, then status on it
mkdir "$DIR/取り込み先"
wexe --db "取り込み先\\控えの施設.db" import --yes 控え.json; rc=$?
check "import into a new data file with a Japanese name: exit 0" test $rc = 0
grep -qF "新しいデータファイルを作成しました" "$WORK/out" || fail "import: $(head -3 "$WORK/out")"
check "the imported data file is there" test -s "$DIR/取り込み先/控えの施設.db"
wexe --db "取り込み先\\控えの施設.db" status
grep -qF "回答済み: 1 / 22 項目" "$WORK/out" || fail "status of the import: $(head -5 "$WORK/out")"

# aggregate on four readers (util/thread.c's Windows threads): data files
# and an export, one of them unreadable, counted in the order given and to
# the same CSV files as the Linux build makes of the same files
cp "$DB" "$DIR/a.db"
printf 'not a clinic\r\n' > "$DIR/壊れた.db"
agg_files="a.db 取り込み先\\控えの施設.db 控え.json 壊れた.db a.db 控え.json a.db 取り込み先\\控えの施設.db"
(cd "$DIR" && wine cmd /c "set IRYOSEC_AGG_READERS=4&& iryosec.exe aggregate --names -o 集計 $agg_files" \
  </dev/null >"$WORK/out" 2>&1); rc=$?
check "aggregate on four readers: exit 0" test $rc = 0
grep -qF "8件のファイルのうち7件を集計しました（読めなかったファイル: 1件）" "$WORK/out" || fail "aggregate: $(head -3 "$WORK/out")"
(cd "$DIR" && mkdir -p lin && cp a.db 控え.json 壊れた.db lin/ && mkdir -p lin/取り込み先 &&
  cp 取り込み先/控えの施設.db lin/取り込み先/ && cd lin &&
  IRYOSEC_AGG_READERS=1 "$LINUX_BIN" aggregate --names -o 集計 a.db 取り込み先/控えの施設.db 控え.json 壊れた.db \
    a.db 控え.json a.db 取り込み先/控えの施設.db >/dev/null 2>&1) || fail "the Linux build's aggregate"
for f in items gaps devices vendors hoshu; do
  check "aggregate: $f.csv as the Linux build's" cmp -s "$DIR/集計/$f.csv" "$DIR/lin/集計/$f.csv"
done
# files.csv: the same but for the separator in the one path with a folder
check "aggregate: files.csv as the Linux build's" \
  cmp -s <(sed 's#\\#/#g' "$DIR/集計/files.csv") "$DIR/lin/集計/files.csv"

# a second report under the same name replaces the first (MoveFileExW)
sleep 1.1; before=$(stat -c %Y "$PDF")
wexe report -o レポート.pdf; rc=$?
check "report over an existing PDF: exit 0" test $rc = 0
check "the PDF was replaced" test "$(stat -c %Y "$PDF")" -gt "$before"
# a folder in the PDF's place is refused, and left as it was
mkdir "$DIR/フォルダ.pdf"
wexe report -o フォルダ.pdf; rc=$?
check "report onto a folder: exit 1" test $rc = 1
check "the folder is still a folder" test -d "$DIR/フォルダ.pdf"

# a FIFO in the data file's place is refused at once, not waited on
mkfifo "$DIR/pipe.db"
(cd "$DIR" && timeout 60 wine cmd /c "iryosec.exe --db pipe.db status" </dev/null >"$WORK/out" 2>&1); rc=$?
check "status on a FIFO: exit 1, not a hang (got $rc)" test $rc = 1
grep -qF "ファイルではありません" "$WORK/out" || fail "status on a FIFO: $(cat "$WORK/out")"

echo "measured: first screen after $t_start s; report $t_report s under wine (from cmd), $t_report_lin s on Linux"
finish
