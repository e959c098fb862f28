//! The app's one WebAssembly program; see `ui::screens` for how its screens
//! are split into files of their own.

fn main() {
    #[cfg(target_arch = "wasm32")]
    bangfu::ui::start();
}
