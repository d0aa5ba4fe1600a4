import { render } from "solid-js/web";
import { App } from "./App";
import { SpeakerTimerScreen } from "./features/timer/SpeakerTimer";
import "./styles/index.css";

const root = document.getElementById("root");
if (!root) throw new Error("#root missing from index.html");

// The same page runs the speaker timer window, opened on `index.html#timer`: only that screen.
const isTimerWindow = location.hash === "#timer";

render(() => (isTimerWindow ? <SpeakerTimerScreen /> : <App />), root);
