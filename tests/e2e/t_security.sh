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
finish
