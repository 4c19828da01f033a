#!/usr/bin/env python3
"""Simulates the search pool's queue: a closed loop of N clients, 2 search threads, suggestions (a quarter of the mix,
0.22 ms) never queued, searches drawn from a `CostRank --tsv` file (each with its measured CPU and the cost guessed
before it ran), served in arrival order or cheapest guess first with a wait bound. What the bound trades: a shorter one
moves p50 and p99 towards arrival order's (both near the mean), a longer one lowers p50 and lengthens the tail.

    python3 bench/queue-sim.py COSTRANK.tsv [--scale 1.37] [--clients 16] [--bounds 10,15,18,20,30]

--scale multiplies the in-process CPU to what a search costs in the server (1.37: 1,805 req/s, the quiet rerun's
throughput at 16 connections); 0.15 ms is added to every latency for HTTP."""
import argparse, heapq, random

ap = argparse.ArgumentParser()
ap.add_argument('tsv')
ap.add_argument('--scale', type=float, default=1.37)
ap.add_argument('--clients', type=int, default=16)
ap.add_argument('--bounds', default='10,15,18,20,30,1000000')
ap.add_argument('--seconds', type=float, default=100)
a = ap.parse_args()
searches = []
for line in open(a.tsv):
    c, cpu, guess = line.split('\t')[:3]
    searches.append((c, float(cpu) * a.scale, int(guess)))


def run(cheapest, bound_ms, seed=1):
    rnd = random.Random(seed)
    waiting, events, lat, by, busy, seq, end = [], [], [], {}, 0, 0, a.seconds * 1000

    def submit(now):
        nonlocal seq
        seq += 1
        if rnd.random() < 0.25:
            heapq.heappush(events, (now + 0.22 * a.scale, seq, False, 'suggest', now))
        else:
            c, cpu, guess = rnd.choice(searches)
            waiting.append((guess, now, seq, c, cpu))

    def dispatch(now):
        nonlocal busy
        while busy < 2 and waiting:
            oldest = min(range(len(waiting)), key=lambda k: waiting[k][1])
            j = oldest if not cheapest or now - waiting[oldest][1] > bound_ms else \
                min(range(len(waiting)), key=lambda k: (waiting[k][0], waiting[k][1]))
            guess, since, s, c, cpu = waiting.pop(j)
            busy += 1
            heapq.heappush(events, (now + cpu, s, True, c, since))

    for _ in range(a.clients):
        submit(0.0)
    dispatch(0.0)
    while events:
        now, s, search, c, since = heapq.heappop(events)
        if now > end:
            break
        busy -= search
        lat.append(now - since + 0.15)
        by.setdefault(c, []).append(now - since + 0.15)
        submit(now)
        dispatch(now)
    p = lambda v, q: sorted(v)[int(len(v) * q)]
    return '%6.0f req/s  p50 %6.2f  p99 %6.1f  mean %6.2f  | p99 words %6.1f  browse %6.1f  quotes %6.1f' % (
        len(lat) / a.seconds, p(lat, .5), p(lat, .99), sum(lat) / len(lat), p(by['words'], .99), p(by['browse'], .99),
        p(by['quotes'], .99))


print('arrival            ', run(False, 0))
for b in a.bounds.split(','):
    print('cheapest, bound %-3s' % (b if float(b) < 1e5 else 'inf'), run(True, float(b)))
