//! Timing shared by the bench binaries (`claims`, `html`): CPU time of the measuring thread,
//! so that other work on a shared machine counts less than it would in wall time.

use std::time::Instant;

/// This thread's CPU time in seconds, if the kernel tells it.
///
/// `clock_gettime(CLOCK_THREAD_CPUTIME_ID)`, which counts to the nanosecond. With the first
/// field of `/proc/thread-self/schedstat`, read here until 2026-12-05, passes on this
/// project's VMs came out as whole multiples of 4 ms (the scheduler's tick), the same
/// rates run after run: too coarse for passes of 16 ms.
pub fn cpu_seconds() -> Option<f64> {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `t` is a valid timespec for the call to write.
    let ok = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) } == 0;
    ok.then(|| t.tv_sec as f64 + t.tv_nsec as f64 / 1e9)
}

/// Seconds `f` took: CPU time of this thread when known, else wall time.
pub fn timed(f: impl FnOnce()) -> f64 {
    let (cpu, wall) = (cpu_seconds(), Instant::now());
    f();
    match (cpu, cpu_seconds()) {
        (Some(a), Some(b)) if b > a => b - a,
        _ => wall.elapsed().as_secs_f64(),
    }
}

pub fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(|a, b| a.total_cmp(b));
    xs[xs.len() / 2]
}
