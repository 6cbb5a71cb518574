#!/usr/bin/env bash
# Security: no network code in the program; the PDF carries what the user
# entered and nothing about the machine (paths, user, host, data file);
# files are private whatever the umask.
source "$(dirname "$0")/../lib/e2e.sh"

# no network: the program imports no socket or name-lookup function
net=$(nm -D --undefined-only "$BIN" | grep -wE 'socket|connect|bind|listen|accept|getaddrinfo|gethostbyname|sendto|recvfrom|sendmsg|recvmsg' )
check "no network functions imported ($net)" test -z "$net"

"$MKDATA" "$WORK/full.db" >/dev/null || fail "iryosec-mkdata"
out=$(umask 000; cd "$WORK" && "$BIN" --db "$WORK/full.db" report -o "$WORK/r.pdf" 2>&1) || fail "report: $out"
check "the PDF is private (0600 whatever the umask)" test "$(stat -c %a "$WORK/r.pdf")" = 600
pdftotext "$WORK/r.pdf" "$WORK/r.txt" 2>/dev/null
pdfinfo "$WORK/r.pdf" > "$WORK/info.txt" 2>/dev/null
for what in "$WORK" "$HOME" "full.db" "$(hostname)" "$(id -un)"; do
  [ ${#what} -ge 4 ] || continue   # too short to tell from other text
  for f in r.txt info.txt; do
    grep -qF -- "$what" "$WORK/$f" && fail "'$what' is in the PDF ($f)"
  done
done
# the raw file too (metadata, bookmarks): no path of this machine
for what in "$WORK" "full.db"; do
  grep -qaF -- "$what" "$WORK/r.pdf" && fail "'$what' is in the raw PDF"
done
grep -q "^Creator: *iryosec$" "$WORK/info.txt" || fail "Creator: $(cat "$WORK/info.txt")"

# control characters a data file may hold (written by another program)
# never reach the terminal or the PDF's properties as control characters
cp "$WORK/full.db" "$WORK/cc.db"
sqlite3 "$WORK/cc.db" "UPDATE facility SET name = 'みどり' || char(27) || '[31m' || char(7) || 'クリニック', checker = '田中' || char(8) || char(27) || ']0;x' || char(7)"
has_ctl() { LC_ALL=C grep -q "$(printf '[\001-\010\016-\037\177]')" "$1"; }
"$BIN" --db "$WORK/cc.db" report -o "$WORK/cc.pdf" > "$WORK/cc.out" 2>&1 || fail "report with control characters: $(cat "$WORK/cc.out")"
has_ctl "$WORK/cc.out" && fail "the report's messages carry control characters"
pdfinfo "$WORK/cc.pdf" > "$WORK/ccinfo.txt" 2>/dev/null || fail "pdfinfo"
has_ctl "$WORK/ccinfo.txt" && fail "the PDF's properties carry control characters: $(cat -v "$WORK/ccinfo.txt")"
grep -qF "クリニック" "$WORK/ccinfo.txt" || fail "the name's text is lost from the PDF's properties"
"$BIN" --db "$WORK/cc.db" status > "$WORK/ccst.txt" 2>&1 || fail "status with control characters"
has_ctl "$WORK/ccst.txt" && fail "status prints control characters"
# and a data file path with them: the error message shows them harmless
"$BIN" --db "$WORK/x$(printf '\033[31m\007').db" status > "$WORK/ccerr.txt" 2>&1
has_ctl "$WORK/ccerr.txt" && fail "an error message prints control characters: $(cat -v "$WORK/ccerr.txt")"
grep -qF "[31m" "$WORK/ccerr.txt" || fail "the path is not named in the message: $(cat "$WORK/ccerr.txt")"
finish
