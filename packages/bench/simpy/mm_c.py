#!/usr/bin/env python3
"""SimPy 3 side of Gleaner's side-by-side DES benchmark (packages/bench/src/simpy/mmc.ts is the other side).

Two models, same parameters as the TypeScript ones:

* ``mmc``: an M/M/c queue -- Poisson arrivals (rate ``--arrival-rate``), ``--servers`` identical servers
  with exponential service (rate ``--service-rate``), FIFO, ``--customers`` customers. Written the SimPy
  way: one process per customer, a ``simpy.Resource`` for the servers. Reports the mean wait in queue,
  which must match the Erlang C formula and Gleaner's model, with the means of 20 consecutive batches of
  customers (for the standard error, by the method of batch means).
* ``hold``: the classic hold model -- ``--pending`` processes, each looping ``yield env.timeout(Exp(1))``,
  until ``--events`` timeouts in total.

Prints one JSON object on stdout. Wall time is measured around ``env.run()`` only.
"""
import argparse
import json
import platform
import random
import sys
import time

import simpy


def batch_means(values, batches):
    """Means of ``batches`` consecutive, equal-size batches (the remainder joins the last one)."""
    size = len(values) // batches
    out = []
    for b in range(batches):
        chunk = values[b * size : (b + 1) * size if b < batches - 1 else len(values)]
        out.append(sum(chunk) / len(chunk))
    return out


def run_mmc(args):
    rng = random.Random(args.seed)
    env = simpy.Environment()
    servers = simpy.Resource(env, capacity=args.servers)
    waits = []

    def customer(env):
        arrived = env.now
        with servers.request() as request:
            yield request
            waits.append(env.now - arrived)
            yield env.timeout(rng.expovariate(args.service_rate))

    def source(env):
        for _ in range(args.customers):
            env.process(customer(env))
            yield env.timeout(rng.expovariate(args.arrival_rate))

    env.process(source(env))
    started = time.perf_counter()
    env.run()
    wall = time.perf_counter() - started
    return {
        "model": "mmc",
        "customers": args.customers,
        "served": len(waits),
        "meanWait": sum(waits) / len(waits),
        "batchMeans": batch_means(waits, args.batches),
        "simTime": env.now,
        "wallSeconds": wall,
        # Model events, counted the same way on both sides: one arrival and one departure per customer.
        "modelEvents": 2 * args.customers,
    }


def run_hold(args):
    rng = random.Random(args.seed)
    env = simpy.Environment()
    state = {"fired": 0}

    def holder(env):
        while state["fired"] < args.events:
            yield env.timeout(rng.expovariate(1.0))
            state["fired"] += 1

    for _ in range(args.pending):
        env.process(holder(env))
    started = time.perf_counter()
    env.run()
    wall = time.perf_counter() - started
    return {
        "model": "hold",
        "pending": args.pending,
        "events": state["fired"],
        "simTime": env.now,
        "wallSeconds": wall,
    }


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", choices=["mmc", "hold"], default="mmc")
    parser.add_argument("--arrival-rate", type=float, default=8.0)
    parser.add_argument("--service-rate", type=float, default=1.0)
    parser.add_argument("--servers", type=int, default=10)
    parser.add_argument("--customers", type=int, default=200000)
    parser.add_argument("--pending", type=int, default=1000)
    parser.add_argument("--events", type=int, default=1000000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--batches", type=int, default=20)
    args = parser.parse_args(argv)
    result = run_mmc(args) if args.model == "mmc" else run_hold(args)
    result["python"] = platform.python_version()
    result["simpy"] = simpy.__version__
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1:])
