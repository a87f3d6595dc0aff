//! Criterion benchmark of every contender on every objective (one group per objective):
//! gradients, Jacobians and Hessians.
//!
//! ```sh
//! cargo bench --manifest-path peers/Cargo.toml                 # the quick set of sizes
//! PEERS_FULL=1 cargo bench --manifest-path peers/Cargo.toml    # every size of RESULTS.md
//! cargo bench --manifest-path peers/Cargo.toml -- 'GMM'        # criterion's filter
//! ```
//!
//! The `results` binary times the same calls with a simpler loop and writes the public
//! table; this bench gives criterion's statistics and history for any one of them.
//! Contenders that take over a tenth of a second per call are left to the `results`
//! binary.

use std::hint::black_box;
use std::time::{Duration, Instant};

use autodiff_peers::objectives;
use criterion::{BenchmarkId, Criterion};

fn bench(c: &mut Criterion) {
    let full = std::env::var_os("PEERS_FULL").is_some();
    for obj in objectives::benchmarked(!full) {
        let mut group = c.benchmark_group(obj.label());
        group.sample_size(10);
        group.warm_up_time(Duration::from_millis(300));
        group.measurement_time(Duration::from_secs(1));
        let p = obj.point();
        for &contender in obj.kind().contenders() {
            if obj.skip(contender).is_some() {
                continue;
            }
            let mut g = vec![0.0; obj.out_len(contender)];
            let start = Instant::now();
            obj.run(contender, &p, &mut g);
            if start.elapsed() > Duration::from_millis(100) {
                continue;
            }
            group.bench_function(BenchmarkId::from_parameter(contender.name()), |b| {
                b.iter(|| obj.run(contender, black_box(&p), black_box(&mut g)))
            });
        }
        group.finish();
    }
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    bench(&mut c);
    c.final_summary();
}
