#!/usr/bin/env bash
# A window below 80x24 shows a message and recovers; no TERM or a terminal
# that cannot move the cursor is a clear error; Ctrl-Z and fg keep the keys.
source "$(dirname "$0")/../lib/e2e.sh"

start_app
setup_facility "こばやし眼科"
tm resize-window -t s: -x 60 -y 20
wait_for "画面が小さすぎます（いまは横60 × 縦20）"
keys Enter                     # keys other than q do nothing meanwhile
tm resize-window -t s: -x 100 -y 30
wait_for "回答の保存先"
tm resize-window -t s: -x 80 -y 24
keys Enter
wait_for "1 / 22"
tm resize-window -t s: -x 79 -y 24
wait_for "画面が小さすぎます"
tm resize-window -t s: -x 80 -y 24
wait_for "1 / 22"
keys q
check "quit after resizing" test "$(wait_exit)" = 0

# every screen survives a window too small, then bigger, then 80x24
resize_cycle() { # resize_cycle MARKER: MARKER is on the screen after each
  tm resize-window -t s: -x 60 -y 20
  wait_for "画面が小さすぎます" || return
  tm resize-window -t s: -x 132 -y 43
  wait_for "$1" || return
  tm resize-window -t s: -x 80 -y 24
  wait_for "$1"
  check "still running after resizing on '$1'" test ! -s "$WORK/exit"
}
start_app
wait_for "回答の保存先"
resize_cycle "回答の保存先"
keys 1;      wait_for "1 / 22";          resize_cycle "1 / 22"
keys d;      wait_for "説明の全文";      resize_cycle "説明の全文"
keys '?';    wait_for "ヘルプ";          resize_cycle "1画面に1つずつ質問します"
keys Escape Escape; wait_for "1 / 22"
keys Escape; wait_for "回答の保存先"
keys 2;      wait_for "事業者と契約";    resize_cycle "事業者と契約"
keys a;      wait_for "新しい事業者";    resize_cycle "新しい事業者"
keys Escape Escape; wait_for "事業者と契約"
keys Escape; wait_for "回答の保存先"
keys 3;      wait_for "リモート保守";    resize_cycle "リモート保守"
keys a;      wait_for "新しい接続";      resize_cycle "新しい接続"
keys Escape Escape; wait_for "リモート保守"
keys Escape; wait_for "回答の保存先"
keys 4;      wait_for "保守委託機関編の判定"; resize_cycle "保守委託機関編の判定"
keys Escape; wait_for "回答の保存先"
keys 5;      wait_for "連絡体制";        resize_cycle "連絡体制"
keys Enter;  wait_for "最初に知らせる人"; resize_cycle "最初に知らせる人"
keys Escape Escape; wait_for "連絡体制"
keys Escape; wait_for "回答の保存先"
keys 6;      wait_for "施設の情報と点検年度"; resize_cycle "施設の情報と点検年度"
keys Escape Escape; wait_for "回答の保存先"
keys 7;      wait_for "レポート（PDF）の作成"; resize_cycle "レポート（PDF）の作成"
keys Escape; wait_for "回答の保存先"
keys 8;      wait_for "用語集";          resize_cycle "用語集"
keys Escape; wait_for "回答の保存先"
keys q
check "quit after resizing every screen" test "$(wait_exit)" = 0

# hang-up: the window closes while a memo is being typed — the program
# ends (no process left) and the memo is saved as Enter would have
start_app
keys Enter
wait_for "1 / 22"
keys 1
wait_for "保存しました"
keys Tab Tab Tab
wait_for "> メモ"
typ "窓を閉じる前のメモ"
wait_for "窓を閉じる前のメモ"
pid=$(app_pid)
tm kill-window -t s:
i=0; while kill -0 "$pid" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
check "the program ended on hang-up" sh -c "! kill -0 $pid 2>/dev/null"
check "the memo typed when the window closed is saved" \
  test "$(sqlite3 "$DB" "SELECT memo FROM answer WHERE memo IS NOT NULL")" = "窓を閉じる前のメモ"
check "integrity after hang-up" test "$(sqlite3 "$DB" 'PRAGMA integrity_check')" = ok
stop_server
# the same during the first-time setup (each field is saved on leaving it)
start_app -- --db "$WORK/h.db"
wait_for "初回設定"
typ "さくら診療所"
wait_for "さくら診療所"
tm kill-window -t s:
i=0; while [ "$(sqlite3 "$WORK/h.db" "SELECT name FROM facility" 2>/dev/null)" != "さくら診療所" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
check "the name typed in the first-time setup is saved on hang-up" \
  test "$(sqlite3 "$WORK/h.db" "SELECT name FROM facility")" = "さくら診療所"
stop_server

# Ctrl-Z, then fg, from an interactive shell with job control (as a user
# does): the screen comes back and arrow keys still move (they read as Esc
# when the keypad mode was not sent again)
make_db "$WORK/z.db"
stop_server
tm -f /dev/null new-session -d -s s -x 80 -y 24 "env -i PATH=$PATH HOME=$HOME TERM=tmux-256color PS1='$ ' bash --norc --noprofile -i"
wait_for "$ "
typ "XDG_DATA_HOME=$XDG_DATA_HOME IRYOSEC_TODAY=$IRYOSEC_TODAY $BIN --db $WORK/z.db"; keys Enter
wait_for "回答の保存先"
pid=$(app_pid)
keys C-z
i=0; while [ "$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null)" != T ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
check "stopped by Ctrl-Z" test "$(awk '{print $3}' "/proc/$pid/stat")" = T
wait_for "Stopped"
typ "fg"; keys Enter
wait_for "回答の保存先"
keys Down Down
wait_for "> 3  リモート保守"
keys Enter
wait_for "事業者が外から院内につなぐ方法"
keys Escape
wait_for "回答の保存先"
keys q
i=0; while kill -0 "$pid" 2>/dev/null && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
check "quit after Ctrl-Z and fg" test ! -e "/proc/$pid"
typ 'echo "rc=$?"'; keys Enter
wait_for "rc=0"

# a terminal that cannot move the cursor is refused like no terminal type
start_app TERM=dumb --
wait_for "カーソルを動かせません"
check "TERM=dumb: exit 1" test "$(wait_exit)" = 1
start_app TERM= --
wait_for "端末の種類（TERM）が設定されていません"
check "no TERM: exit 1" test "$(wait_exit)" = 1
start_app TERM=no-such-terminal --
wait_for "端末の種類「no-such-terminal」が分かりません"
# IRYOSEC_AMBIGUOUS_WIDTH=2 reaches the running program: a name of
# ambiguous-width characters (①…) is cut after half as many of them
make_db "$WORK/amb.db"
sqlite3 "$WORK/amb.db" "UPDATE connection SET system = '①②③④⑤⑥⑦⑧⑨⑩①②③④⑤⑥⑦⑧⑨⑩①②③④⑤⑥⑦⑧⑨⑩' WHERE id = (SELECT min(id) FROM connection)"
circled() { screen | grep -F "①②③" | head -1 | grep -o "[①②③④⑤⑥⑦⑧⑨⑩]" | wc -l; }
for w in 1 2; do
  start_app IRYOSEC_AMBIGUOUS_WIDTH=$w -- --db "$WORK/amb.db"
  wait_for "回答の保存先"
  keys 3; wait_for "①②③"
  eval "n$w=$(circled)"
  keys Escape q
  check "exit 0 (ambiguous width $w)" test "$(wait_exit)" = 0
done
echo "ambiguous width: $n1 circled numbers shown at width 1, $n2 at width 2"
check "ambiguous width 2 fits fewer of them ($n1, $n2)" test "$n2" -lt "$n1"
check "and each then counts two columns ($n1, $n2)" test $((n2 * 2)) -le "$n1"
finish
