# Shared helpers for the end-to-end tests (sourced, not run).
# Each test runs the real binary on a private tmux server (docs/tech-notes.md
# §2), in a temporary HOME, and never waits with fixed sleeps: it polls the
# screen.
set -u

BIN=$(readlink -f "$1")
SRC=${IRY_SOURCE_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
WORK=$(mktemp -d /tmp/iry-e2e.XXXXXX)
export HOME=$WORK/home XDG_DATA_HOME=$WORK/data TMUX_TMPDIR=$WORK
export IRYOSEC_TODAY=${IRYOSEC_TODAY:-2026-11-25}
# One locale for the test's own tools (grep, sed, tr read Japanese as
# characters, not bytes) and the program, whatever the machine has: CI has
# none set, a desktop C.UTF-8 or ja_JP.UTF-8. t_locale runs the program
# under other locales with env -i.
export LC_ALL=C.UTF-8
unset LANGUAGE
mkdir -p "$HOME"
unset TMUX
SOCK=iry$$
# The fixed data set of the report tests (tests/tools/mkdata.c): also the
# way to make a data file without the wizard (status and report never do).
MKDATA=${IRY_BINARY_DIR:-$(dirname "$BIN")}/tests/iryosec-mkdata
make_db() {
  IRY_SOURCE_DIR=$SRC "$MKDATA" "$1" >/dev/null || fail "iryosec-mkdata $1"
}
DB=$XDG_DATA_HOME/iryosec/iryosec.db
FAILS=0

# The pids of every iryosec this test started (found by its XDG_DATA_HOME,
# which each test has to itself), one per line.
app_pids() {
  local d pid
  for d in /proc/[0-9]*; do
    pid=${d#/proc/}
    [ "$pid" = $$ ] && continue
    if tr '\0' '\n' 2>/dev/null < "$d/environ" | grep -qxF "XDG_DATA_HOME=$XDG_DATA_HOME" &&
       tr '\0' ' ' 2>/dev/null < "$d/cmdline" | grep -qF "$BIN"; then
      echo "$pid"
    fi
  done
}

# Any iryosec this test started, still running after the test: kill it,
# so no test leaves a process behind.
kill_strays() {
  local pid
  for pid in $(app_pids); do kill -9 "$pid" 2>/dev/null; done
}

# wait_apps_gone [seconds]: until no iryosec of this test runs any more. A
# wizard ended by a hang-up still saves and releases its lock: the next
# one started before that would meet "in use" (a loaded machine makes that
# window long).
wait_apps_gone() {
  local limit=${1:-30} i=0
  while [ -n "$(app_pids)" ]; do
    [ $i -ge $((limit * 20)) ] && { fail "an iryosec did not end"; return 1; }
    sleep 0.05; i=$((i + 1))
  done
}

cleanup() {
  tmux -L "$SOCK" kill-server 2>/dev/null
  kill_strays
  rm -rf "$WORK"
}
trap cleanup EXIT

# Every target names the session with a colon ("s:"): a bare "s" can match
# a window whose name starts with s ("sleep", once the program has ended).
tm() { tmux -L "$SOCK" "$@"; }

# Ends the tmux server and waits until its socket is gone (a new server
# started at once on the same socket would otherwise meet the old one
# shutting down: "server exited unexpectedly") and until the programs it
# ran have ended.
stop_server() {
  local sock=$TMUX_TMPDIR/tmux-$(id -u)/$SOCK i=0
  tm kill-server 2>/dev/null
  while [ -e "$sock" ] && [ $i -lt 200 ]; do
    tm has-session 2>/dev/null || rm -f "$sock"
    sleep 0.02; i=$((i + 1))
  done
  wait_apps_gone
}

# start_app [env assignments ...] -- [iryosec args ...]: a new session at 80x24.
start_app() {
  local envs=() args=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do envs+=("$1"); shift; done
  [ $# -gt 0 ] && shift
  args=("$@")
  stop_server
  rm -f "$WORK/exit"
  tm -f /dev/null new-session -d -s s -x 80 -y 24 \
    "env ${envs[*]:-} $BIN ${args[*]:-}; echo \$? > $WORK/exit; sleep 600"
}

screen() { tm capture-pane -t s: -p -J; }

fail() {
  echo "FAIL: $*"
  echo "---- screen ----"; screen 2>/dev/null; echo "----------------"
  FAILS=$((FAILS + 1))
}

# wait_for TEXT [seconds]: until TEXT (fixed string) is on the screen.
wait_for() {
  local text=$1 limit=${2:-30} i=0 ended=0
  while [ "$i" -lt $((limit * 20)) ]; do
    if screen 2>/dev/null | grep -qF -- "$text"; then return 0; fi
    # the program has ended: what is not on the screen now never will be
    [ -s "$WORK/exit" ] && ended=$((ended + 1))
    [ "$ended" -gt 4 ] && break
    sleep 0.05; i=$((i + 1))
  done
  fail "did not see '$text'"
  return 1
}

# snap: remembers the screen as it is now, for wait_new.
snap() { SNAP=$(screen 2>/dev/null); }

# wait_new TEXT [seconds]: until the screen differs from the one snap saw
# and shows TEXT. For a text that may still be on the screen from the step
# before (「保存しました」): snap, send the keys, wait_new.
wait_new() {
  local text=$1 limit=${2:-30} i=0 now
  while [ "$i" -lt $((limit * 20)) ]; do
    now=$(screen 2>/dev/null)
    if [ "$now" != "$SNAP" ] && printf '%s\n' "$now" | grep -qF -- "$text"; then return 0; fi
    sleep 0.05; i=$((i + 1))
  done
  fail "did not see '$text' on a new screen"
  return 1
}

# wait_db SQL EXPECTED [DB]: until the data file answers SQL with EXPECTED
# (what the screen said was saved is in the file).
wait_db() {
  local sql=$1 want=$2 db=${3:-$DB} i=0 got=""
  while [ "$i" -lt 600 ]; do
    got=$(sqlite3 "$db" "$sql" 2>/dev/null) && [ "$got" = "$want" ] && return 0
    sleep 0.05; i=$((i + 1))
  done
  fail "the data file answers '$got' to '$sql', not '$want'"
  return 1
}

# wait_gone TEXT: until TEXT is no longer on the screen.
wait_gone() {
  local text=$1 i=0
  while [ "$i" -lt 600 ]; do
    if ! screen | grep -qF -- "$text"; then return 0; fi
    sleep 0.05; i=$((i + 1))
  done
  fail "'$text' stayed on the screen"
  return 1
}

# wait_exit [seconds]: until the program ended; prints its exit code.
wait_exit() {
  local limit=${1:-30} i=0
  while [ "$i" -lt $((limit * 20)) ]; do
    if [ -s "$WORK/exit" ]; then cat "$WORK/exit"; return 0; fi
    sleep 0.05; i=$((i + 1))
  done
  echo "none"
}

keys() { tm send-keys -t s: "$@"; }
typ() { tm send-keys -t s: -l "$1"; }

# The pid of the iryosec running in this test's session (never another
# test's: ctest runs them in parallel).
app_pid() {
  local shell
  shell=$(tm display-message -p -t s: '#{pane_pid}' 2>/dev/null) || return 0
  [ -n "$shell" ] && pgrep -P "$shell" -f "$BIN" | head -1
}

kill_app() {
  local pid i=0
  pid=$(app_pid)
  [ -n "$pid" ] || { fail "no iryosec process to kill"; return; }
  kill -9 "$pid"
  while kill -0 "$pid" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
  stop_server
}

check() { # check DESCRIPTION COMMAND...
  local what=$1; shift
  if "$@"; then :; else fail "$what"; fi
}

# No English msgid of ours may reach the screen (docs/tech-notes.md §5).
no_english() {
  local pot=$SRC/locale/iryosec.pot hits
  # msgids of two or more English words (not "MDS/SDS: %s" and the like)
  hits=$(screen | grep -oF -f <(sed -n 's/^msgid "\(.\{8,\}\)"$/\1/p' "$pot" | sed 's/%[a-z]*//g' | grep -E '[A-Za-z]{3,} [A-Za-z]{2,}') | head -3)
  [ -z "$hits" ] || fail "English text on the screen: $hits"
}

# setup_facility NAME: the first-time setup, from the first screen to ホーム.
setup_facility() {
  wait_for "初回設定" || return 1
  typ "$1"; keys Enter
  wait_for "施設の種類"
  keys Right Right Right   # 病院 -> 有床診療所 -> 無床診療所
  wait_for "無床診療所"
  keys Down; typ "山田太郎"; keys Enter
  typ "山田花子"; keys Enter
  typ "鈴木一郎"; keys Enter              # 点検した人
  typ "中央保健所"; keys Enter
  keys Down Down Down
  wait_for "保存して始める"
  keys Enter
  wait_for "回答の保存先"
}

# pdftotext, failing the test on any warning it prints (poppler warned on
# every page of libharu's ToUnicode map: a PDF every reader accepts says
# nothing). Tests may still send stderr to /dev/null: this sees it first.
pdftotext() {
  local err rc
  err=$(mktemp "$WORK/pdftotext.XXXXXX")
  command pdftotext "$@" 2>"$err"; rc=$?
  if [ -s "$err" ]; then
    FAILS=$((FAILS + 1))
    echo "FAIL: pdftotext $*: $(head -c 300 "$err")"
  fi
  rm -f "$err"
  return $rc
}

# has_byte OCTAL TEXT: true when TEXT holds the byte (e.g. 033 for ESC).
has_byte() {
  local b
  b=$(printf "\\$1")
  case $2 in *"$b"*) return 0 ;; esac
  return 1
}

finish() {
  if [ "$FAILS" -eq 0 ]; then echo "PASS"; exit 0; fi
  echo "$FAILS failure(s)"; exit 1
}
