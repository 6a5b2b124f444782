#[cfg(target_arch = "wasm32")]
fn main() {
    sixstep::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Sixstep runs in the browser: build it with `trunk build --release`.");
}
