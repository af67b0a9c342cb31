#!/bin/bash
# Rebuild the ids of every earlier judged sample (docs/judging-events.md, the table of samples), in the order
# drawn: each is drawn again with its seed, size and --what, excluding those before it (--dry-run; the draw is
# deterministic). Usage: scripts/judging_excludes.sh [DIR] (default /work/judging/ex); then pass each DIR/*.txt
# as --exclude to the next `dateline judge sample`. Append a line here for each new sample.
cd "$(dirname "$0")/.."
EX=${1:-/work/judging/ex}; mkdir -p $EX
draw() { # name seed n [names]
  local args=""; for f in $(ls -tr $EX/*.txt 2>/dev/null); do args="$args --exclude $f"; done
  local what=""; [ "$4" = n ] && what="--what names"
  .venv/bin/dateline judge sample /tmp/rebuild_$1 --seed $2 -n $3 $what $args --dry-run > $EX/$1.txt
  sleep 1.1; echo "$1 $(wc -l < $EX/$1.txt)"
}
stories2() {
  local out=$EX/stories2.txt; : > $out
  for sec in politics business; do
    for f in ../shared/eval/summaries/bbc/News_Articles/$sec/*.txt; do
      grep -qE 'Blunkett|Yugansk|Law Lords|law lords' "$f" && echo "bbc-$sec:$(basename $f .txt)" >> $out
    done
  done
  sleep 1.1; echo "stories2 $(wc -l < $out)"
}
rm -f $EX/*.txt
draw tune1 20240611 20; draw tune2 77031 24; draw tune3 5150 20; draw report1 31337 30; draw tune4 8086 40
draw report2 60606 30; draw report3 80808 30; draw names1 90909 25 n; draw names2 31337 25 n; draw report4 424242 30
stories2
draw report5 515151 30; draw names3 626262 25 n; draw tune5 717171 25; draw tune6 818181 25; draw tune7 919191 25
draw report6 616161 30; draw names4 727272 25 n; draw tune8 828282 25; draw tunen1 838383 20 n; draw tune9 929292 25
draw report7 737373 30; draw names5 747474 25 n; draw tune10 939393 20; draw tune11 959595 25; draw tunen2 979797 20 n
draw report8 848484 30; draw names6 858585 25 n
draw tune12 121212 25; draw tunen3 131313 20 n
draw report9 868686 30; draw names7 878787 25 n
