// The only script of the pages: a print button for the receipt. Without it, the browser's own print works.
document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
});
