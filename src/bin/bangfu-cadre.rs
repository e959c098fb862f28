//! The cadres' part of the app (本地数字 and 风险补偿金测算): its own
//! WebAssembly file, so a villager's link to the estimator, the self-check or
//! a policy never downloads it. See `ui::app::Part`.

fn main() {
    #[cfg(target_arch = "wasm32")]
    bangfu::ui::start_cadre();
}
