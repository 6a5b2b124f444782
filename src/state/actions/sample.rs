//! The sample book: load it into this book (asked first when records exist) and remove
//! exactly the records it added.
