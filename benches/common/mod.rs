//! Timing shared by the bench binaries (`claims`, `html`): CPU time of the measuring thread,
//! so that other work on a shared machine counts less than it would in wall time.

use std::time::Instant;

/// This thread's CPU time in seconds, if the kernel tells it.
///
/// `clock_gettime(CLOCK_THREAD_CPUTIME_ID)`, which counts to the nanosecond. The first field
/// of `/proc/thread-self/schedstat`, read here until 2026-12-05, is also in nanoseconds but
/// on this project's VMs moves only at the scheduler's tick (4 ms): a pass of 16 ms came out
/// as 12, 16 or 20, so rates were steps of a quarter apart.
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
