//! The sharing part of the app (二维码 and 打印海报): its own WebAssembly
//! file, so the QR encoder is downloaded only by someone who asks for a
//! code. See `ui::app::Part`.

fn main() {
    #[cfg(target_arch = "wasm32")]
    bangfu::ui::start_share();
}
