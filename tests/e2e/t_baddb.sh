#!/usr/bin/env bash
# Bad data files are refused with a clear message and never modified; a
# second wizard on the same file is told it is in use.
source "$(dirname "$0")/../lib/e2e.sh"

sum() { sha256sum "$1" | cut -d' ' -f1; }

printf 'これはメモです。\n' > "$WORK/memo.txt"
before=$(sum "$WORK/memo.txt")
out=$("$BIN" --db "$WORK/memo.txt" status 2>&1); rc=$?
check "text file: exit 1" test $rc = 1
echo "$out" | grep -qF "iryosec のデータファイルではありません" || fail "$out"
check "text file unchanged" test "$(sum "$WORK/memo.txt")" = "$before"
start_app -- --db "$WORK/memo.txt"
wait_for "iryosec のデータファイルではありません"
check "wizard exit 1" test "$(wait_exit)" = 1
check "text file unchanged by the wizard" test "$(sum "$WORK/memo.txt")" = "$before"

sqlite3 "$WORK/other.db" "CREATE TABLE t(a); INSERT INTO t VALUES (1);"
before=$(sum "$WORK/other.db")
out=$("$BIN" --db "$WORK/other.db" report -o "$WORK/x.pdf" 2>&1); rc=$?
check "foreign db: exit 1" test $rc = 1
echo "$out" | grep -qF "ほかのプログラムのデータベース" || fail "$out"
check "foreign db unchanged" test "$(sum "$WORK/other.db")" = "$before"

make_db "$WORK/newer.db"
sqlite3 "$WORK/newer.db" "PRAGMA user_version = 7;"
before=$(sum "$WORK/newer.db")
out=$("$BIN" --db "$WORK/newer.db" status 2>&1); rc=$?
check "newer db: exit 1" test $rc = 1
echo "$out" | grep -qF "新しい版の iryosec で作られた" || fail "$out"
check "newer db unchanged" test "$(sum "$WORK/newer.db")" = "$before"

# a truncated data file (the end of it lost)
make_db "$WORK/whole.db"
head -c 8192 "$WORK/whole.db" > "$WORK/cut.db"
before=$(sum "$WORK/cut.db")
for cmd in status report; do
  out=$("$BIN" --db "$WORK/cut.db" $cmd 2>&1); rc=$?
  check "truncated db, $cmd: exit 1" test $rc = 1
  echo "$out" | grep -qF "が壊れています" || fail "truncated db, $cmd: $out"
done
start_app -- --db "$WORK/cut.db"
wait_for "が壊れています"
check "truncated db, wizard: exit 1" test "$(wait_exit)" = 1
check "truncated db unchanged" test "$(sum "$WORK/cut.db")" = "$before"

# a --db in a folder that does not exist: refused, nothing created
out=$("$BIN" --db "$WORK/nofolder/sub/x.db" status 2>&1); rc=$?
check "missing folder: exit 1" test $rc = 1
echo "$out" | grep -qF "データファイル「$WORK/nofolder/sub/x.db」はまだありません" || fail "missing folder: $out"
check "missing folder not created" test ! -e "$WORK/nofolder"
start_app -- --db "$WORK/nofolder/x.db"
wait_for "がありません"
check "missing folder, wizard: exit 1" test "$(wait_exit)" = 1
check "missing folder not created by the wizard" test ! -e "$WORK/nofolder"

# read-only file and folder, as a user without privileges. Root may write
# anything, so as root the checks run as nobody — or, where nobody cannot
# reach the program (a build under /root, a 0700 root directory), as root
# without the capabilities that override file permissions.
RO=$(mktemp -d /tmp/iry-ro.XXXXXX)
trap 'rm -rf "$RO"; cleanup' EXIT
chmod 755 "$RO"
if [ "$(id -u)" != 0 ]; then
  AS_USER="" owner=""
elif setpriv --reuid=nobody --regid=nogroup --clear-groups --inh-caps=-all \
     "$BIN" --version >/dev/null 2>&1; then
  AS_USER="setpriv --reuid=nobody --regid=nogroup --clear-groups --inh-caps=-all" owner=nobody:nogroup
else
  AS_USER="setpriv --inh-caps=-all --bounding-set=-dac_override,-dac_read_search,-fowner" owner=""
fi
echo "unprivileged as: ${AS_USER:-this user}"
as_user() { $AS_USER "$@"; }
# second_wizard TAG COMMAND: the wizard in window 1; prints its exit code.
# The window is named by index (see tm() in tests/lib/e2e.sh).
second_wizard() {
  local f=$WORK/exit-$1 i=0
  tm new-window -t s:1 "$2; echo \$? > $f; sleep 600"
  while [ ! -s "$f" ] && [ $i -lt 600 ]; do sleep 0.05; i=$((i + 1)); done
  cat "$f" 2>/dev/null
}
ro_wizard() { # the wizard on ro.db as the unprivileged user
  second_wizard "$1" "$AS_USER env HOME='$RO' TERM=xterm-256color '$BIN' --db '$RO/d/ro.db'"
}
mkdir "$RO/d"
cp "$WORK/whole.db" "$RO/d/ro.db"
[ -n "$owner" ] && chown -R "$owner" "$RO/d"
chmod 0400 "$RO/d/ro.db"
before=$(sum "$RO/d/ro.db")
# a reader (status, report) reads a file it cannot write (a copy on a
# read-only stick); the wizard, which writes, is refused
out=$(as_user env HOME="$RO" "$BIN" --db "$RO/d/ro.db" status 2>&1); rc=$?
check "read-only file, status: exit 0" test $rc = 0
echo "$out" | grep -qF "みどりの森クリニック" || fail "read-only file, status: $out"
check "read-only file, wizard: exit 1" test "$(ro_wizard ro-file)" = 1
wait_for "書き込めません"
tm kill-window -t s:1
check "read-only file unchanged" test "$(sum "$RO/d/ro.db")" = "$before"
chmod 0600 "$RO/d/ro.db"; chmod 0500 "$RO/d"
check "read-only folder, wizard: exit 1" test "$(ro_wizard ro-folder)" = 1
wait_for "書き込めません"
tm kill-window -t s:1
chmod 0400 "$RO/d/ro.db"
mkdir -m 0777 "$RO/o" # the outputs go elsewhere
out=$(as_user env HOME="$RO" "$BIN" --db "$RO/d/ro.db" report -o "$RO/o/r.pdf" 2>&1); rc=$?
check "read-only file and folder, report: exit 0" test $rc = 0
check "report written" test -s "$RO/o/r.pdf"
out=$(as_user env HOME="$RO" "$BIN" aggregate -o "$RO/o/agg" "$RO/d/ro.db" 2>&1); rc=$?
check "read-only file and folder, aggregate: exit 0" test $rc = 0
echo "$out" | grep -qF "1件のファイルのうち1件を集計しました" || fail "read-only copy, aggregate: $out"
chmod 0600 "$RO/d/ro.db"
check "read-only folder: file unchanged" test "$(sum "$RO/d/ro.db")" = "$before"
check "new file in a read-only folder: exit 1" \
  test "$(second_wizard ro-new "$AS_USER env HOME='$RO' TERM=xterm-256color '$BIN' --db '$RO/d/new.db'")" = 1
wait_for "書き込めません"
tm kill-window -t s:1
check "read-only folder: nothing made" test "$(ls -A "$RO/d")" = ro.db
chmod 0700 "$RO/d"

# a read-only copy taken while the wizard was writing: committed answers
# still in the -wal, no -shm beside them. A reader reads them (making the
# -shm where the folder can be written) or refuses the copy with a reason;
# never the file without them (the old name), and it never waits.
mkdir "$RO/w"
cp "$WORK/whole.db" "$WORK/w.db"
sqlite3 "$WORK/w.db" "PRAGMA wal_autocheckpoint = 0" \
  "UPDATE facility SET name = 'WALの中の診療所'" \
  ".shell cp '$WORK/w.db' '$WORK/w.db-wal' '$RO/w/'" >/dev/null
check "copy: a -wal with content, no -shm" \
  test -s "$RO/w/w.db-wal" -a ! -e "$RO/w/w.db-shm"
[ -n "$owner" ] && chown -R "$owner" "$RO/w"
chmod 0400 "$RO/w/w.db" "$RO/w/w.db-wal"; chmod 0500 "$RO/w"
before=$(sum "$RO/w/w.db")
for cmd in status "report -o $RO/o/w.pdf"; do
  out=$(as_user env HOME="$RO" timeout 60 "$BIN" --db "$RO/w/w.db" $cmd 2>&1); rc=$?
  check "-wal without -shm, read-only folder, ${cmd%% *}: exit 1" test $rc = 1
  echo "$out" | grep -qF "書き込めません" || fail "-wal without -shm, ${cmd%% *}: $out"
done
out=$(as_user env HOME="$RO" timeout 60 "$BIN" aggregate -o "$RO/o/wagg" "$RO/w/w.db" 2>&1); rc=$?
check "-wal without -shm, read-only folder, aggregate: exit 1" test $rc = 1
echo "$out" | grep -qF "書き込めません" || fail "-wal without -shm, aggregate: $out"
check "-wal without -shm, read-only folder: nothing made" \
  test "$(ls -A "$RO/w" | tr '\n' ' ')" = "w.db w.db-wal "
chmod 0700 "$RO/w" # the folder writable, the files not
out=$(as_user env HOME="$RO" timeout 60 "$BIN" --db "$RO/w/w.db" status 2>&1); rc=$?
check "-wal without -shm, status: exit 0" test $rc = 0
echo "$out" | grep -qF "WALの中の診療所" || fail "-wal without -shm, status: $out"
out=$(as_user env HOME="$RO" timeout 60 "$BIN" aggregate --names -o "$RO/o/wagg" "$RO/w/w.db" 2>&1); rc=$?
check "-wal without -shm, aggregate: exit 0" test $rc = 0
grep -qF "WALの中の診療所" "$RO/o/wagg/files.csv" || fail "-wal without -shm, aggregate: $out"
check "-wal without -shm: file unchanged" test "$(sum "$RO/w/w.db")" = "$before"

# root uses a user's data file once: the lock file it makes belongs to the
# file's owner, who can still start the wizard afterwards
if [ "$owner" = nobody:nogroup ]; then
  mkdir "$RO/u"
  make_db "$RO/u/u.db"
  rm -f "$RO/u/u.db.lock"
  chown -R nobody:nogroup "$RO/u"
  start_app -- --db "$RO/u/u.db"
  wait_for "回答の保存先"
  keys q
  check "root's wizard exits 0" test "$(wait_exit)" = 0
  check "the lock file is the owner's" test "$(stat -c %U "$RO/u/u.db.lock")" = nobody
  for f in "$RO"/u/*; do
    check "$(basename "$f") is the owner's" test "$(stat -c %U "$f")" = nobody
  done
  stop_server
  tm -f /dev/null new-session -d -s s -x 80 -y 24 \
    "$AS_USER env HOME='$RO' TERM=tmux-256color IRYOSEC_TODAY=$IRYOSEC_TODAY '$BIN' --db '$RO/u/u.db'; echo \$? > $WORK/exit; sleep 600"
  wait_for "回答の保存先"
  keys q
  check "the owner's wizard exits 0 after root's" test "$(wait_exit)" = 0
else
  echo "not root: the root-then-owner case runs in CI (as root)"
fi

# a second wizard on the same data file, by the same name and through a
# symbolic link to it
start_app
setup_facility "にしむら歯科"
check "second wizard exits 1" test "$(second_wizard second "$BIN")" = 1
wait_for "別の画面で使用中です"
tm kill-window -t s:1
ln -s "$DB" "$WORK/alias.db"
check "a wizard through a link exits 1" \
  test "$(second_wizard alias "$BIN --db $WORK/alias.db")" = 1
wait_for "別の画面で使用中です"
tm kill-window -t s:1
ln "$DB" "$WORK/hard.db"
check "a wizard through a hard link exits 1" \
  test "$(second_wizard hard "$BIN --db $WORK/hard.db")" = 1
wait_for "ハードリンク"
tm kill-window -t s:1
rm "$WORK/hard.db"
keys Enter
wait_for "1 / 22"
keys 1
wait_for "保存しました"
finish
