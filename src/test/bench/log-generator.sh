# Runs inside a busybox container (sh -c): writes R lines a second for S seconds, then BR a second for B
# seconds, then R again, each line numbered; the pace follows /proc/uptime so the rate holds under load.
# it waits for /tmp/go, which the benchmark creates once its browsers follow the log (the image has no /tmp)
mkdir -p /tmp
while [ ! -f /tmp/go ]; do echo waiting; usleep 200000; done
read up rest < /proc/uptime; t0=${up%.*}${up#*.}; n=0
while :; do
  read up rest < /proc/uptime; t=${up%.*}${up#*.}; el=$((t - t0))
  if [ $el -lt $((S * 100)) ]; then target=$((el * R / 100));
  elif [ $el -lt $(((S + B) * 100)) ]; then target=$((S * R + (el - S * 100) * BR / 100));
  else target=$((S * R + B * BR + (el - (S + B) * 100) * R / 100)); fi
  while [ $n -lt $target ]; do n=$((n + 1)); echo "line $n of a chatty service: GET /api/v1/items?page=$n 200 12ms"; done
  usleep 20000
done
