//! Renderers over the one diagnostic model and the one check report model.
