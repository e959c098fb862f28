fn main() {
    #[cfg(target_arch = "wasm32")]
    bangfu::ui::start();
}
